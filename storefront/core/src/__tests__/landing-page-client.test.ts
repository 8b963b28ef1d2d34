import { createCmsClient } from "../cms/client"
import { landingPageCacheTags, productHandles, resolveLandingPage } from "../cms/landing-page"
import type { LandingPage } from "../cms/landing-page-types"
import type { Product } from "../commerce/types"
import { recordingFetch } from "./support/recording-fetch"

const strapiList = (data: unknown[]) => ({
  data,
  meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: data.length } },
})

const seeded = {
  documentId: "lp1",
  slug: "gene-test-family",
  title: "家庭基因检测专题",
  seo_description: "为全家选对基因检测",
  publish_to_microsite: true,
  sections: [
    {
      __component: "landing.hero",
      id: 1,
      title: "家庭基因检测 守护三代健康",
      image: { url: "/uploads/hero.png", width: 1200, height: 600 },
      cta_text: "查看热销检测",
      cta_link: "/products?tag=热销",
    },
    { __component: "landing.product-list", id: 2, heading: "为家人挑选", handles: "b\na, b" },
    {
      __component: "landing.product-list",
      id: 3,
      heading: "热销检测",
      product_tag: "热销",
      limit: 2,
    },
    {
      __component: "landing.article-list",
      id: 4,
      heading: "基因科普",
      category: { slug: "gene-science", name: "基因科普" },
      limit: 3,
    },
    { __component: "landing.rich-text", id: 5, body: "## 为什么" },
    {
      __component: "landing.image",
      id: 6,
      image: { url: "https://cdn.example/x.png" },
      alt: "采集点",
    },
    {
      __component: "landing.call-to-action",
      id: 7,
      text: "预约上门采样",
      link: "/account/appointments/book",
    },
    // A kind an editor may add later in the CMS: skipped, not drawn as garbage.
    { __component: "landing.countdown", id: 8, ends_at: "2026-12-31" },
  ],
}

describe("专题页 client", () => {
  it("asks for the published page by slug with its sections populated, tagged for revalidation", async () => {
    const { fetch, calls } = recordingFetch({ body: strapiList([seeded]) })
    const cms = createCmsClient({
      baseUrl: "http://cms.test/",
      mediaBaseUrl: "https://media.test",
      fetch,
    })
    const page = await cms.getLandingPage("gene-test-family")

    const url = new URL(calls[0].url)
    expect(url.pathname).toBe("/api/landing-pages")
    expect(url.searchParams.get("filters[slug][$eq]")).toBe("gene-test-family")
    expect(url.searchParams.get("populate[sections][populate]")).toBe("*")
    expect(url.searchParams.has("filters[publish_to_microsite][$eq]")).toBe(false)
    expect(calls[0].init?.cacheHint).toEqual({
      tags: ["landing-pages", "cms:landing-page", "cms:landing-page:gene-test-family"],
      revalidate: 60,
    })
    expect(page?.sections.map((s) => s.__component)).toEqual([
      "landing.hero",
      "landing.product-list",
      "landing.product-list",
      "landing.article-list",
      "landing.rich-text",
      "landing.image",
      "landing.call-to-action",
    ])
    // Uploads become absolute on the media host; addresses elsewhere stay.
    expect(page?.sections[0]).toMatchObject({
      image: { url: "https://media.test/uploads/hero.png", width: 1200 },
    })
    expect(page?.sections[5]).toMatchObject({ image: { url: "https://cdn.example/x.png" } })
  })

  it("asks the 微官网 for flagged pages only, and answers null for none or an impossible slug", async () => {
    const { fetch, calls } = recordingFetch({ body: strapiList([]) })
    const cms = createCmsClient({ baseUrl: "http://cms.test", fetch })
    expect(await cms.getLandingPage("gene-test-family", { microsite: true })).toBeNull()
    expect(new URL(calls[0].url).searchParams.get("filters[publish_to_microsite][$eq]")).toBe(
      "true"
    )
    expect(await cms.getLandingPage("../admin")).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it("matches the tags commerce expires when the CMS publishes a landing page", () => {
    // commerce/src/lib/cms/cms-hook-jobs.ts: cms:<model> and cms:<model>:<slug>.
    expect(landingPageCacheTags("gene-test-family")).toEqual(
      expect.arrayContaining(["cms:landing-page", "cms:landing-page:gene-test-family"])
    )
  })
})

describe("专题页 lists", () => {
  const product = (handle: string): Product => ({ id: `prod_${handle}`, title: handle, handle })

  it("looks products up by handle in the editor's order, by tag, and articles by category", async () => {
    const listProducts = jest.fn(async (params: { handles?: string[]; tagIds?: string[] }) => ({
      products: params.handles
        ? [product("a"), product("b")]
        : [product("hot1"), product("hot2"), product("hot3")],
      count: 0,
    }))
    const productTagIds = jest.fn(async () => ["ptag_hot"])
    const getRegion = jest.fn(async () => ({ id: "reg_cn", name: "中国", currency_code: "cny" }))
    const listArticles = jest.fn(async () => ({
      data: [{ documentId: "a1", title: "基因是什么", slug: "gene", publishedAt: "2026-12-01" }],
      pagination: { page: 1, pageSize: 3, pageCount: 1, total: 1 },
    }))
    const page = await resolveLandingPage(seeded as unknown as LandingPage, {
      cms: { listArticles },
      commerce: { getRegion, listProducts, productTagIds },
    })
    const [, byHandle, byTag, articles] = page.sections as never as [
      unknown,
      { products: Product[] },
      { products: Product[] },
      { articles: { slug: string }[] },
    ]
    expect(byHandle.products.map((p) => p.handle)).toEqual(["b", "a"])
    expect(listProducts).toHaveBeenCalledWith({ regionId: "reg_cn", handles: ["b", "a"], limit: 2 })
    expect(productTagIds).toHaveBeenCalledWith(["热销"])
    expect(listProducts).toHaveBeenCalledWith({
      regionId: "reg_cn",
      tagIds: ["ptag_hot"],
      limit: 2,
    })
    expect(byTag.products.map((p) => p.handle)).toEqual(["hot1", "hot2"])
    expect(listArticles).toHaveBeenCalledWith({
      tag: undefined,
      category: "gene-science",
      pageSize: 3,
    })
    expect(articles.articles.map((a) => a.slug)).toEqual(["gene"])
    expect(getRegion).toHaveBeenCalledTimes(1)
  })

  it("leaves a list empty when its back end is down, and the rest of the page as it is", async () => {
    const down = async () => {
      throw new Error("商城不可用")
    }
    const page = await resolveLandingPage(seeded as unknown as LandingPage, {
      cms: { listArticles: down },
      commerce: { getRegion: down, listProducts: down, productTagIds: down },
    })
    expect(page.sections).toHaveLength(7)
    expect(page.sections[1]).toMatchObject({ products: [] })
    expect(page.sections[3]).toMatchObject({ articles: [] })
    expect(page.sections[4]).toMatchObject({ body: "## 为什么" })
  })

  it("reads handles one a line or separated by commas, each once, dropping what cannot be one", () => {
    expect(productHandles("a-1\nb_2, c，d、a-1  <x>")).toEqual(["a-1", "b_2", "c", "d"])
    expect(productHandles(null)).toEqual([])
  })
})
