import { highlightTitle } from "../../service"
import { articleDocument, siteDocument } from "../cms-document"
import { productDocument } from "../product-document"

describe("search documents", () => {
  it("indexes published products only, with categories and tags searchable", () => {
    const product = {
      id: "prod_1",
      title: "肿瘤易感基因检测",
      handle: "tumor-risk-gene-test",
      status: "published",
      description: "150+ 个肿瘤相关基因",
      categories: [{ name: "肿瘤风险系列" }],
      tags: [{ value: "热销" }],
    }
    expect(productDocument(product)).toMatchObject({
      type: "product",
      url: "/products/tumor-risk-gene-test",
      subtitle: "肿瘤风险系列",
      category: "肿瘤风险系列",
      tags: ["肿瘤风险系列", "热销"],
    })
    expect(productDocument({ ...product, status: "draft" })).toBeNull()
  })

  it("turns a Strapi article into plain searchable text with an absolute cover", () => {
    process.env.CMS_URL = "http://cms.local/"
    const document = articleDocument({
      documentId: "a1",
      title: "气虚质的调养",
      slug: "qixu",
      body: "## 饮食\n多吃**山药**。![图](/x.png)",
      cover: { url: "/uploads/qixu.jpg" },
      category: { name: "中医体质" },
      tags: [{ name: "气虚质" }],
    })
    expect(document).toMatchObject({
      url: "/articles/qixu",
      thumbnail: "http://cms.local/uploads/qixu.jpg",
      category: "中医体质",
      tags: ["气虚质"],
    })
    expect(document.content).toBe("饮食 多吃 山药 。")
  })

  it("marks an article the editor published to the 微官网, and only that one", () => {
    const article = { documentId: "a3", title: "秋季养生", slug: "autumn" }
    expect(articleDocument({ ...article, publish_to_microsite: true }).microsite).toBe(true)
    expect(articleDocument({ ...article, publish_to_microsite: false }).microsite).toBe(false)
    expect(articleDocument(article).microsite).toBe(false)
  })

  it("hangs a relative cover off the CMS's public origin, never its internal address", () => {
    process.env.CMS_URL = "http://cms:1337"
    process.env.CMS_PUBLIC_URL = "https://cms.shop.example.cn/"
    try {
      const document = articleDocument({
        documentId: "a2",
        title: "痰湿质的调养",
        slug: "tanshi",
        cover: { url: "/uploads/tanshi.jpg" },
      })
      expect(document.thumbnail).toBe("https://cms.shop.example.cn/uploads/tanshi.jpg")
    } finally {
      delete process.env.CMS_PUBLIC_URL
    }
  })

  it("leaves inactive collection sites out and files the rest under their city", () => {
    const site = {
      documentId: "s1",
      name: "岳阳楼区采集点",
      city: "岳阳市",
      address: "洞庭南路 1 号",
    }
    expect(siteDocument(site)).toMatchObject({ city: "岳阳市", subtitle: "岳阳市 洞庭南路 1 号" })
    expect(siteDocument({ ...site, active: false })).toBeNull()
  })

  it("marks query terms in a title and escapes the rest", () => {
    expect(highlightTitle("肿瘤易感基因检测", "基因")).toBe("肿瘤易感<mark>基因</mark>检测")
    expect(highlightTitle("<b>DNA</b> 检测", "dna")).toBe(
      "&lt;b&gt;<mark>DNA</mark>&lt;/b&gt; 检测"
    )
    expect(highlightTitle("祖源分析", "基因")).toBeUndefined()
  })
})
