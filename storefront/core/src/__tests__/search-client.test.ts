import { SEARCH_TYPE_LABELS } from "@health/contracts"
import { createSearchClient } from "../commerce/search-client"
import { ApiError } from "../http"
import { normalizeQuery, searchPageUrl, searchTypeOf } from "../search/types"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: Parameters<typeof createSearchClient>[0]["fetch"]) =>
  createSearchClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })

describe("search client", () => {
  it("asks /store/search with the Chinese query encoded, the type and the limit", async () => {
    const body = { hits: [{ type: "product", id: "p1", title: "肿瘤易感基因检测" }], count: 1 }
    const { fetch, calls } = recordingFetch({ body: { ...body, type: "product" } })
    const results = await client(fetch).search("基因 检测", { type: "product", limit: 5 })
    expect(results.hits[0].title).toBe("肿瘤易感基因检测")
    const url = new URL(calls[0].url)
    expect(url.pathname).toBe("/store/search")
    expect(url.searchParams.get("q")).toBe("基因 检测")
    expect(url.searchParams.get("type")).toBe("product")
    expect(url.searchParams.get("limit")).toBe("5")
    expect((calls[0].init?.headers as Record<string, string>)["x-publishable-api-key"]).toBe("pk")
    expect(calls[0].init?.cacheHint).toEqual({ tags: ["search"], revalidate: 60 })
  })

  it("searches every type when none is given", async () => {
    const { fetch, calls } = recordingFetch({ body: { hits: [], count: 0, type: "all" } })
    await client(fetch).search("岳阳")
    expect(new URL(calls[0].url).searchParams.has("type")).toBe(false)
  })

  it("turns a refusal into an ApiError with the server's Chinese message", async () => {
    const { fetch } = recordingFetch({
      status: 400,
      body: { type: "invalid_data", message: "请输入搜索关键词" },
    })
    await expect(client(fetch).search("")).rejects.toMatchObject({
      status: 400,
      message: "请输入搜索关键词",
    })
    await expect(
      client(recordingFetch({ status: 500, body: {} }).fetch).search("x")
    ).rejects.toBeInstanceOf(ApiError)
  })
})

describe("search page parameters", () => {
  it("reads the tab from ?type=, product by default", () => {
    expect(searchTypeOf("article")).toBe("article")
    expect(searchTypeOf(["site", "article"])).toBe("site")
    expect(searchTypeOf("orders")).toBe("product")
    expect(searchTypeOf(undefined)).toBe("product")
  })

  it("trims and bounds the query, and builds the page URL", () => {
    expect(normalizeQuery("  体质 ")).toBe("体质")
    expect(normalizeQuery("基".repeat(150))).toHaveLength(100)
    expect(searchPageUrl("气虚 质", "article")).toBe(
      "/search?q=%E6%B0%94%E8%99%9A+%E8%B4%A8&type=article"
    )
  })

  it("labels the tabs in Chinese", () => {
    expect(Object.values(SEARCH_TYPE_LABELS)).toEqual(["检测产品", "健康资讯", "采集点"])
  })
})
