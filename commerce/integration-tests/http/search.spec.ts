import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import seed from "../../src/scripts/seed"
import reindexSearchScript from "../../src/scripts/reindex-search"
import reindexSearchMicrositeArticles from "../../src/migration-scripts/reindex-search-microsite-articles"
import { SITE_SEARCH_MODULE } from "../../src/modules/site-search"
import type SiteSearchModuleService from "../../src/modules/site-search/service"
import { adminHeaders } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { QUEUE_MODULE } from "../../src/lib/queue/jobs"
import type QueueModuleService from "../../src/modules/queue/service"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// Meilisearch is configured but down (nothing listens on port 1) for this whole spec:
// every write must still reach Postgres and every read must fall back to it.
process.env.MEILI_HOST = "http://127.0.0.1:1"
process.env.MEILI_MASTER_KEY = "test-master-key"

type Hit = { type: string; id: string; title: string; subtitle: string | null; url: string }
type SearchBody = {
  hits: Hit[]
  count: number
  type: string
  provider: string
  groups?: Record<string, { hits: Hit[]; count: number }>
}

const ARTICLES: Record<string, object> = {
  "article-qixu": {
    title: "气虚质的调养：少气懒言、容易疲乏怎么办",
    slug: "qixu-tiaoyang",
    summary: "气虚体质的人常感乏力，饮食宜补气健脾。",
    body: "## 饮食\n多吃山药、黄芪炖鸡。\n## 运动\n八段锦、太极拳。",
    cover: { url: "/uploads/qixu.jpg" },
    category: { name: "中医体质" },
    tags: [{ name: "气虚质" }],
    publish_to_microsite: true,
  },
  // For the web only: the mini-program (a WeChat surface) does not find it.
  "article-tanshi": {
    title: "痰湿质的调养：身体沉重、舌苔厚腻怎么办",
    slug: "tanshi-tiaoyang",
    summary: "痰湿体质的人饮食宜清淡，少吃肥甘厚味。",
    body: "## 饮食\n多吃薏米、冬瓜。",
    category: { name: "中医体质" },
    tags: [{ name: "痰湿质" }],
    publish_to_microsite: false,
  },
}

const SITES: Record<string, object> = {
  "site-yueyang": {
    name: "岳阳楼区采集点",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "洞庭南路 1 号",
    hours: "08:30-17:30",
    services: ["采血", "口腔拭子"],
    active: true,
  },
  "site-changsha": {
    name: "芙蓉区采集点",
    city: "长沙市",
    district: "芙蓉区",
    address: "五一大道 99 号",
    active: true,
  },
}

/** Strapi 5's REST shape: published entries only, filtered by documentId when asked. */
function startCmsStandIn(published: { articles: Set<string> }) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://cms")
    const send = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    const [, api, type] = url.pathname.split("/")
    const table =
      type === "articles"
        ? Object.fromEntries(Object.entries(ARTICLES).filter(([id]) => published.articles.has(id)))
        : type === "collection-sites"
          ? SITES
          : null
    if (api !== "api" || !table) return send(404, { data: null, error: { status: 404 } })
    const wanted = url.searchParams.get("filters[documentId][$eq]")
    const data = Object.entries(table)
      .filter(([id]) => !wanted || id === wanted)
      .map(([documentId, fields], i) => ({
        id: i + 1,
        documentId,
        ...fields,
        publishedAt: "2026-11-01T00:00:00.000Z",
      }))
    send(200, {
      data,
      meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } },
    })
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let cms: Server
    const published = { articles: new Set<string>() }

    const search = async (q: string, type?: string) =>
      (
        await api.get(
          `/store/search?q=${encodeURIComponent(q)}${type ? `&type=${type}` : ""}`,
          store
        )
      ).data as SearchBody
    const titles = (body: SearchBody) => body.hits.map((h) => h.title)
    const cmsEntry = (model: string, document_id: string, event: string) =>
      getContainer()
        .resolve<QueueModuleService>(QUEUE_MODULE)
        .enqueue("search", "cms-entry", { model, document_id, event })

    beforeAll(async () => {
      cms = startCmsStandIn(published)
      await new Promise<void>((resolve) => cms.listen(0, "127.0.0.1", resolve))
      process.env.CMS_URL = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      store = { headers: { "x-publishable-api-key": key.token } }
      admin = await adminHeaders(container, api as never)
    })

    afterAll(async () => {
      await new Promise((resolve) => cms.close(resolve))
    })

    it("finds seeded products by a Chinese word inside the title, from Postgres while Meilisearch is down", async () => {
      const body = await eventually(
        () => search("基因", "product"),
        (b) => titles(b).includes("肿瘤易感基因检测")
      )
      expect(titles(body)).toContain("肿瘤易感基因检测")
      expect(body.type).toBe("product")
      expect(body.provider).toBe("postgres-cjk")
      const tumor = body.hits.find((h) => h.title === "肿瘤易感基因检测")!
      expect(tumor).toMatchObject({
        type: "product",
        url: "/products/tumor-risk-gene-test",
        highlight: "肿瘤易感<mark>基因</mark>检测",
      })
      expect(body.count).toBeGreaterThanOrEqual(body.hits.length)
    })

    it("counts every match and pages through them in the same order", async () => {
      const page = async (limit: number, offset: number) =>
        (
          await api.get(
            `/store/search?q=${encodeURIComponent("基因")}&type=product&limit=${limit}&offset=${offset}`,
            store
          )
        ).data as SearchBody
      const whole = await page(50, 0)
      expect(whole.count).toBe(whole.hits.length)
      expect(titles(whole)).toEqual(
        expect.arrayContaining([
          "肿瘤易感基因检测",
          "儿童天赋基因检测",
          "药物代谢基因检测",
          "营养代谢基因检测",
          "慢病风险基因检测",
          "运动基因检测",
        ])
      )
      const paged: Hit[] = []
      for (let offset = 0; offset < whole.count; offset += 2) {
        const next = await page(2, offset)
        expect(next.count).toBe(whole.count)
        paged.push(...next.hits)
      }
      expect(paged.map((h) => h.id)).toEqual(whole.hits.map((h) => h.id))
      expect((await page(2, whole.count)).hits).toEqual([])
      expect((await page(2, whole.count)).count).toBe(whole.count)
      expect((await search("基因")).groups!.product.count).toBe(whole.count)
    })

    it("refuses an empty query in Chinese", async () => {
      const { status, data } = await api.get("/store/search?q=", {
        ...store,
        validateStatus: () => true,
      })
      expect(status).toBe(400)
      expect(data.message).toContain("请输入搜索关键词")
    })

    it("indexes a published article and a collection site from CMS jobs, and drops the article on unpublish", async () => {
      published.articles.add("article-qixu")
      await cmsEntry("article", "article-qixu", "entry.publish")
      await cmsEntry("collection-site", "site-yueyang", "entry.publish")

      const articles = await eventually(
        () => search("体质", "article"),
        (b) => b.hits.some((h) => h.id === "article-qixu")
      )
      expect(articles.hits[0]).toMatchObject({
        type: "article",
        id: "article-qixu",
        url: "/articles/qixu-tiaoyang",
      })

      const sites = await eventually(
        () => search("岳阳", "site"),
        (b) => b.hits.some((h) => h.id === "site-yueyang")
      )
      expect(sites.hits.map((h) => h.title)).toEqual(["岳阳楼区采集点"])
      expect(sites.hits[0].subtitle).toBe("岳阳市 岳阳楼区 洞庭南路 1 号")

      const grouped = await search("岳阳")
      expect(grouped.type).toBe("all")
      expect(grouped.groups!.site.hits.map((h) => h.id)).toEqual(["site-yueyang"])
      expect(grouped.groups!.product.count).toBe(0)

      published.articles.delete("article-qixu")
      await cmsEntry("article", "article-qixu", "entry.unpublish")
      const after = await eventually(
        () => search("体质", "article"),
        (b) => b.hits.length === 0
      )
      expect(after.hits).toEqual([])
    })

    it("follows product updates and deletions", async () => {
      const body = await eventually(
        () => search("肿瘤易感", "product"),
        (b) => b.hits.length > 0
      )
      const id = body.hits[0].id
      await api.post(`/admin/products/${id}`, { title: "肿瘤易感基因检测 Pro" }, admin)
      const renamed = await eventually(
        () => search("Pro", "product"),
        (b) => b.hits.some((h) => h.id === id)
      )
      expect(titles(renamed)).toContain("肿瘤易感基因检测 Pro")

      await api.delete(`/admin/products/${id}`, admin)
      const gone = await eventually(
        () => search("肿瘤易感", "product"),
        (b) => !b.hits.some((h) => h.id === id)
      )
      expect(gone.hits.map((h) => h.id)).not.toContain(id)
    })

    it("rebuilds every index with the reindex command", async () => {
      const container = getContainer()
      const service = container.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
      published.articles.add("article-qixu")
      for (const type of ["product", "article", "site"] as const) {
        await service.clearDocuments(type)
      }
      expect((await search("基因", "product")).hits).toEqual([])

      await reindexSearchScript({ container, args: [] } as never)

      expect(titles(await search("基因", "product"))).toContain("儿童天赋基因检测")
      expect((await search("体质", "article")).hits.map((h) => h.id)).toEqual(["article-qixu"])
      expect((await search("岳阳", "site")).hits.map((h) => h.id)).toEqual(["site-yueyang"])
      expect((await search("长沙", "site")).hits.map((h) => h.id)).toEqual(["site-changsha"])
    })

    it("finds for the mini-program only the articles published to the 微官网, while the web finds all", async () => {
      published.articles.add("article-qixu")
      published.articles.add("article-tanshi")
      try {
        await cmsEntry("article", "article-qixu", "entry.publish")
        await cmsEntry("article", "article-tanshi", "entry.publish")
        const web = await eventually(
          () => search("调养", "article"),
          (b) => b.hits.length === 2
        )
        expect(web.hits.map((h) => h.id).sort()).toEqual(["article-qixu", "article-tanshi"])

        const mini = { headers: { ...store.headers, "x-storefront-channel": "miniprogram" } }
        const miniSearch = async (type = "") =>
          (await api.get(`/store/search?q=${encodeURIComponent("调养")}${type}`, mini))
            .data as SearchBody
        const articles = await miniSearch("&type=article")
        expect([articles.hits.map((h) => h.id), articles.count]).toEqual([["article-qixu"], 1])
        const grouped = await miniSearch()
        expect(grouped.groups!.article.hits.map((h) => h.id)).toEqual(["article-qixu"])
        expect(grouped.groups!.article.count).toBe(1)
        expect(grouped.hits.map((h) => h.id)).not.toContain("article-tanshi")
        // The web's grouped search still counts both.
        expect((await search("调养")).groups!.article.count).toBe(2)
      } finally {
        published.articles.delete("article-qixu")
        published.articles.delete("article-tanshi")
      }
    })

    it("after the upgrade, shows the mini-program the 微官网 articles indexed before their flag was: db:migrate's script queues a reindex", async () => {
      published.articles.add("article-qixu")
      try {
        await cmsEntry("article", "article-qixu", "entry.publish")
        await eventually(
          () => search("调养", "article"),
          (b) => b.hits.length === 1
        )
        // As an article document written before `microsite` existed.
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(
          `update site_search_document set document = document - 'microsite' where doc_id = ?`,
          ["article-qixu"]
        )
        const mini = { headers: { ...store.headers, "x-storefront-channel": "miniprogram" } }
        const miniArticles = async () =>
          (await api.get(`/store/search?q=${encodeURIComponent("调养")}&type=article`, mini))
            .data as SearchBody
        expect((await miniArticles()).hits).toEqual([])

        await reindexSearchMicrositeArticles({ container: getContainer(), args: [] } as never)

        const found = await eventually(miniArticles, (b) => b.hits.length === 1)
        expect(found.hits.map((h) => h.id)).toEqual(["article-qixu"])
      } finally {
        published.articles.delete("article-qixu")
      }
    })
  },
})
