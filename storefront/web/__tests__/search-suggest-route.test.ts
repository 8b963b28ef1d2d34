/** @jest-environment node */
import { ApiError } from "@health/core"
import { NextRequest } from "next/server"

const search = jest.fn()
jest.mock("@/lib/backends", () => ({
  siteSearch: { search: (...args: unknown[]) => search(...args) },
}))

const { GET } =
  require("@/app/api/search/suggest/route") as typeof import("@/app/api/search/suggest/route")

const get = (q: string) =>
  GET(new NextRequest(`http://web/api/search/suggest?q=${encodeURIComponent(q)}`))

const hit = (type: string, id: string) => ({ type, id, title: id, subtitle: null, url: `/${id}` })

beforeEach(() => search.mockReset())

describe("GET /api/search/suggest", () => {
  it("answers the first hits of every type, products first", async () => {
    search.mockResolvedValue({
      hits: [],
      count: 3,
      type: "all",
      groups: {
        site: { hits: [hit("site", "s1")], count: 1 },
        product: { hits: [hit("product", "p1")], count: 1 },
        article: { hits: [hit("article", "a1")], count: 1 },
      },
    })
    const response = await get(" 岳阳 ")
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.suggestions.map((s: { id: string }) => s.id)).toEqual(["p1", "a1", "s1"])
    expect(search).toHaveBeenCalledWith("岳阳", { limit: 3 })
  })

  it("asks nothing for a blank query", async () => {
    expect(await (await get("  ")).json()).toEqual({ suggestions: [] })
    expect(search).not.toHaveBeenCalled()
  })

  it("answers 503 with a Chinese message when commerce is down", async () => {
    search.mockRejectedValue(new ApiError(500, "boom"))
    const response = await get("基因")
    expect(response.status).toBe(503)
    expect((await response.json()).message).toBe("搜索暂时不可用，请稍后再试")
  })
})
