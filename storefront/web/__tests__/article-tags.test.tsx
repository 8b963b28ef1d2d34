import {
  createCmsClient,
  memoryLastGood,
  type Article,
  type CmsClient,
  type FetchLike,
  type Product,
  type Tag,
} from "@health/core"
import { cleanup, render, screen, within } from "@testing-library/react"

const notFound = jest.fn(() => {
  throw new Error("NEXT_NOT_FOUND")
})
jest.mock("next/navigation", () => ({ notFound: () => notFound() }))

const cms: Partial<CmsClient> = {}
const listProducts = jest.fn()
jest.mock("@/lib/backends", () => ({
  cms: new Proxy({}, { get: (_target, name: string) => cms[name as keyof CmsClient] }),
  commerce: {
    getRegion: async () => ({ id: "reg_cn", name: "中国", currency_code: "cny" }),
    listProducts: (...args: unknown[]) => listProducts(...args),
  },
  optional: async <T,>(load: () => Promise<T>, fallback: T) => load().catch(() => fallback),
}))

// Imported after the mocks, as Next would render them.
const ArticlePage = require("@/app/articles/[slug]/page")
  .default as typeof import("@/app/articles/[slug]/page").default
const tagPage = require("@/app/tags/[slug]/page") as typeof import("@/app/tags/[slug]/page")
const TagNotFound = require("@/app/tags/[slug]/not-found")
  .default as typeof import("@/app/tags/[slug]/not-found").default

const tag = (slug: string, name: string, kind: Tag["kind"]): Tag => ({
  documentId: `tag-${slug}`,
  slug,
  name,
  kind,
})
const QIXU = tag("qixu", "气虚质", "constitution")
const CANCER = tag("series-cancer", "肿瘤风险系列", "test_category")
const DIET = tag("diet", "饮食调理", "topic")
const CHILDREN = tag("children", "儿童", "age_group")

const article = (slug: string, title: string, tags: Tag[]): Article => ({
  documentId: `doc-${slug}`,
  slug,
  title,
  summary: `${title}的摘要`,
  body: "## 正文",
  tags,
  publishedAt: "2026-11-20T02:00:00.000Z",
})

const product = (
  id: string,
  title: string,
  categories: string[],
  tags: string[] = [],
  fen = 69900
): Product => ({
  id,
  title,
  handle: id,
  categories: categories.map((handle) => ({ id: `cat-${handle}`, name: handle, handle })),
  tags: tags.map((value) => ({ id: `tag-${value}`, value })),
  variants: [
    {
      id: `${id}-v`,
      title: "标准版",
      calculated_price: { calculated_amount: fen / 100, currency_code: "cny" },
    },
  ],
})
const CATALOG = [
  product("tumor-risk-gene-test", "肿瘤易感基因检测", ["series-cancer", "usage-risk"], [], 199900),
  product("child-talent-gene-test", "儿童天赋基因检测", ["series-wellness", "population-child"]),
  product("nutrition-metabolism-gene-test", "营养代谢基因检测", ["series-wellness"], ["气虚质"]),
  product("sports-gene-test", "运动基因检测", ["series-wellness"], ["平和质", "qixu"], 59900),
  product("ancestry-gene-test", "祖源分析", ["series-heritage"], ["新品"]),
]

const params = (slug: string) => Promise.resolve({ slug })
const titlesIn = (region: HTMLElement, testId: string) =>
  within(region)
    .queryAllByTestId(testId)
    .map((card) => card.querySelector(".card-title")?.textContent)

beforeEach(() => {
  for (const key of Object.keys(cms)) delete cms[key as keyof CmsClient]
  listProducts.mockReset().mockResolvedValue({ products: CATALOG, count: CATALOG.length })
  notFound.mockClear()
  jest.spyOn(console, "error").mockImplementation(() => {})
})
afterEach(() => {
  cleanup()
  jest.restoreAllMocks()
})

describe("an article's tags and 相关检测产品", () => {
  it("links every tag to its tag page and shows the products of its test-category and constitution tags", async () => {
    cms.getArticle = async () => article("qixu-tiaoyang", "气虚质怎么调？", [QIXU, DIET, CANCER])
    render(await ArticlePage({ params: params("qixu-tiaoyang") }))

    const chips = within(screen.getByRole("navigation", { name: "标签" })).getAllByRole("link")
    expect(chips.map((chip) => [chip.textContent, chip.getAttribute("href")])).toEqual([
      ["#气虚质", "/tags/qixu"],
      ["#饮食调理", "/tags/diet"],
      ["#肿瘤风险系列", "/tags/series-cancer"],
    ])
    const related = screen.getByRole("region", { name: "相关检测产品" })
    // In the order of the tags: 气虚质 by product tag (name or code), then the category.
    expect(titlesIn(related, "product-card")).toEqual([
      "营养代谢基因检测",
      "运动基因检测",
      "肿瘤易感基因检测",
    ])
    expect(within(related).getByText("肿瘤易感基因检测").closest("a")?.getAttribute("href")).toBe(
      "/products/tumor-risk-gene-test"
    )
    expect(within(related).getByText("¥1,999.00", { exact: false }).textContent).toBe(
      "¥1,999.00 起"
    )
    expect(listProducts).toHaveBeenCalledWith({ regionId: "reg_cn", limit: 50 })
  })

  it("finds the 按人群 category of an age-group tag", async () => {
    cms.getArticle = async () => article("child-nutrition", "孩子挑食怎么办", [CHILDREN])
    render(await ArticlePage({ params: params("child-nutrition") }))
    const related = screen.getByRole("region", { name: "相关检测产品" })
    expect(titlesIn(related, "product-card")).toEqual(["儿童天赋基因检测"])
  })

  it("hides the block when no product matches, without asking the shop for topic-only tags", async () => {
    cms.getArticle = async () => article("diet", "秋季饮食", [DIET])
    render(await ArticlePage({ params: params("diet") }))
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("秋季饮食")
    expect(screen.queryByText("相关检测产品")).toBeNull()
    expect(listProducts).not.toHaveBeenCalled()

    cleanup()
    cms.getArticle = async () =>
      article("seniors", "中老年养生", [tag("tebing", "特禀质", "constitution")])
    render(await ArticlePage({ params: params("seniors") }))
    expect(listProducts).toHaveBeenCalledTimes(1)
    expect(screen.queryByText("相关检测产品")).toBeNull()
  })

  it("still shows the article when the shop cannot be reached", async () => {
    cms.getArticle = async () => article("qixu-tiaoyang", "气虚质怎么调？", [QIXU])
    listProducts.mockRejectedValue(new Error("fetch failed"))
    render(await ArticlePage({ params: params("qixu-tiaoyang") }))
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("气虚质怎么调？")
    expect(screen.getByRole("link", { name: "#气虚质" }).getAttribute("href")).toBe("/tags/qixu")
    expect(screen.queryByText("相关检测产品")).toBeNull()
  })
})

describe("tag pages", () => {
  it("lists the tag's published articles and its related products, with metadata", async () => {
    const getTag = jest.fn(async (slug: string) => (slug === "qixu" ? QIXU : null))
    const listArticles = jest.fn(async () => ({
      data: [
        article("qixu-tiaoyang", "气虚质怎么调？", [QIXU, DIET]),
        article("qixu-sleep", "气虚质的睡眠", [QIXU]),
      ],
      pagination: { page: 1, pageSize: 9, pageCount: 1, total: 2 },
    }))
    Object.assign(cms, { getTag, listArticles })

    const page = await tagPage.default({
      params: params("qixu"),
      searchParams: Promise.resolve({}),
    })
    render(page)
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("#气虚质")
    expect(screen.getByText("气虚质相关的健康资讯与检测产品").textContent).toBe(
      "气虚质相关的健康资讯与检测产品"
    )
    expect(listArticles).toHaveBeenCalledWith({ tag: "qixu", page: 1, pageSize: 9 })
    const cards = screen.getAllByTestId("article-card")
    expect(
      cards.map((card) => [card.querySelector("h3")?.textContent, card.getAttribute("href")])
    ).toEqual([
      ["气虚质怎么调？", "/articles/qixu-tiaoyang"],
      ["气虚质的睡眠", "/articles/qixu-sleep"],
    ])
    const related = screen.getByRole("region", { name: "相关检测产品" })
    expect(titlesIn(related, "product-card")).toEqual(["营养代谢基因检测", "运动基因检测"])

    expect(await tagPage.generateMetadata({ params: params("qixu") })).toEqual({
      title: "#气虚质",
      description: "气虚质相关的健康资讯与检测产品",
    })
    expect(await tagPage.generateMetadata({ params: params("nope") })).toEqual({ title: "标签" })
  })

  it("pages through many articles", async () => {
    const listArticles = jest.fn(async () => ({
      data: [article("a10", "第十篇", [CANCER])],
      pagination: { page: 2, pageSize: 9, pageCount: 2, total: 10 },
    }))
    Object.assign(cms, { getTag: async () => CANCER, listArticles })
    render(
      await tagPage.default({
        params: params("series-cancer"),
        searchParams: Promise.resolve({ page: "2" }),
      })
    )
    expect(listArticles).toHaveBeenCalledWith({ tag: "series-cancer", page: 2, pageSize: 9 })
    const pages = within(screen.getByRole("navigation", { name: "分页" })).getAllByRole("link")
    expect(pages.map((link) => link.getAttribute("href"))).toEqual([
      "/tags/series-cancer?page=1",
      "/tags/series-cancer?page=2",
    ])
    expect(pages[1].getAttribute("aria-current")).toBe("page")
    expect(titlesIn(screen.getByRole("region", { name: "相关检测产品" }), "product-card")).toEqual([
      "肿瘤易感基因检测",
    ])
  })

  it("says in Chinese when a tag has no articles yet, and hides products for a topic", async () => {
    Object.assign(cms, {
      getTag: async () => DIET,
      listArticles: async () => ({
        data: [],
        pagination: { page: 1, pageSize: 9, pageCount: 0, total: 0 },
      }),
    })
    render(await tagPage.default({ params: params("diet"), searchParams: Promise.resolve({}) }))
    expect(screen.getByTestId("tag-empty").textContent).toBe("这个标签下暂时还没有文章")
    expect(screen.queryByText("相关检测产品")).toBeNull()
  })

  it("answers 404 for an unknown tag, with a Chinese not-found page", async () => {
    cms.getTag = async () => null
    await expect(
      tagPage.default({ params: params("no-such-tag"), searchParams: Promise.resolve({}) })
    ).rejects.toThrow("NEXT_NOT_FOUND")
    expect(notFound).toHaveBeenCalledTimes(1)

    render(<TagNotFound />)
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("没有找到这个标签")
    expect(screen.getByRole("link", { name: "健康资讯" }).getAttribute("href")).toBe("/articles")
  })

  it("shows the last good content while the CMS is down, else a zh-CN notice", async () => {
    const cmsDown = { value: false }
    const fetch: FetchLike = async (url) => {
      if (cmsDown.value) throw new TypeError("fetch failed")
      const path = new URL(String(url)).pathname
      const body =
        path === "/api/tags"
          ? {
              data: [QIXU],
              meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } },
            }
          : {
              data: [article("qixu-tiaoyang", "气虚质怎么调？", [QIXU])],
              meta: { pagination: { page: 1, pageSize: 9, pageCount: 1, total: 1 } },
            }
      // jsdom has no Response; the client reads only these.
      return { ok: true, status: 200, text: async () => JSON.stringify(body) } as Response
    }
    // jsdom lacks AbortSignal.timeout, which the client gives every CMS request.
    const signals = AbortSignal as { timeout?: (ms: number) => AbortSignal }
    const jsdomTimeout = signals.timeout
    signals.timeout = () => new AbortController().signal
    Object.assign(
      cms,
      createCmsClient({ baseUrl: "http://cms", fetch, lastGood: memoryLastGood(), timeoutMs: 100 })
    )
    const show = async (slug: string) => {
      cleanup()
      render(await tagPage.default({ params: params(slug), searchParams: Promise.resolve({}) }))
    }

    await show("qixu")
    expect(screen.getAllByTestId("article-card")).toHaveLength(1)
    cmsDown.value = true
    await show("qixu")
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("#气虚质")
    expect(screen.getByTestId("article-card").querySelector("h3")?.textContent).toBe(
      "气虚质怎么调？"
    )
    // A tag never read before: the page says so instead of failing.
    await show("tanshi")
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("标签")
    expect(screen.getByTestId("cms-unavailable").textContent).toBe(
      "健康资讯暂时无法加载，请稍后刷新；选购与下单不受影响。"
    )
    signals.timeout = jsdomTimeout
  })
})
