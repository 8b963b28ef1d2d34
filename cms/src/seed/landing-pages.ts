/**
 * Demo 专题页 (landing pages) built from sections, as an editor would build them in the admin.
 * Product handles are commerce's demo catalogue's (commerce/src/seed/catalog.ts).
 */

type Palette = readonly [string, string]

/** One section as the seed writes it; images are uploaded, tags and categories looked up. */
export type SeedLandingSection =
  | {
      __component: "landing.hero"
      title: string
      subtitle?: string
      image: { name: string; palette: Palette }
      cta_text?: string
      cta_link?: string
    }
  | {
      __component: "landing.product-list"
      heading?: string
      handles?: string
      product_tag?: string
      limit?: number
    }
  | {
      __component: "landing.article-list"
      heading?: string
      tag?: string
      category?: string
      limit?: number
    }
  | { __component: "landing.rich-text"; body: string }
  | {
      __component: "landing.image"
      image: { name: string; palette: Palette }
      alt?: string
      link?: string
    }
  | {
      __component: "landing.call-to-action"
      text: string
      link: string
      style?: "primary" | "secondary" | "link"
    }

export type SeedLandingPage = {
  slug: string
  title: string
  seo_description: string
  publish_to_microsite: boolean
  sections: SeedLandingSection[]
}

export const landingPages: SeedLandingPage[] = [
  {
    slug: "gene-test-family",
    title: "家庭基因检测专题",
    seo_description:
      "为全家选对基因检测：儿童天赋、成人肿瘤风险、中老年慢病，专业遗传咨询师一对一解读，岳阳多家采集点就近采样。",
    publish_to_microsite: true,
    sections: [
      {
        __component: "landing.hero",
        title: "家庭基因检测 守护三代健康",
        subtitle: "一次采样，了解全家的遗传风险与养生方向",
        image: { name: "landing-gene-test-family-hero", palette: ["#0f766e", "#5eead4"] },
        cta_text: "查看热销检测",
        cta_link: "/products?tag=热销",
      },
      {
        __component: "landing.product-list",
        heading: "为家人挑选",
        handles: "child-talent-gene-test\ntumor-risk-gene-test\nchronic-disease-gene-test",
        limit: 3,
      },
      {
        __component: "landing.rich-text",
        body: `## 为什么全家一起测？

- **遗传风险是家族的**：父母的检测结果能提示子女需要关注的方向；
- **一次预约，多人采样**：同一地址可为多位家人预约上门采样；
- **报告在线查看**：每位家人的报告进入各自的健康档案，*仅本人授权可见*。

| 家庭成员 | 推荐检测 |
| --- | --- |
| 孩子 | 儿童天赋基因检测 |
| 父母 | 肿瘤易感基因检测 |
| 祖辈 | 慢病风险基因检测 |

了解更多请阅读[基因检测常见问题](/articles)。`,
      },
      {
        __component: "landing.product-list",
        heading: "热销检测",
        product_tag: "热销",
        limit: 4,
      },
      {
        __component: "landing.article-list",
        heading: "基因科普",
        category: "gene-science",
        limit: 3,
      },
      {
        __component: "landing.image",
        image: { name: "landing-gene-test-family-sites", palette: ["#1d4ed8", "#93c5fd"] },
        alt: "岳阳就近采集点，步行可达",
        link: "/sites",
      },
      {
        __component: "landing.call-to-action",
        text: "预约上门采样",
        link: "/account/appointments/book",
        style: "primary",
      },
    ],
  },
]
