import type { SearchHit, SearchResults as Results } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { SearchBox, SUGGEST_DEBOUNCE_MS } from "@/components/search/search-box"
import { SearchResults } from "@/components/search/search-results"

const push = jest.fn()
jest.mock("next/navigation", () => ({ useRouter: () => ({ push }) }))

const tumor: SearchHit = {
  type: "product",
  id: "prod_1",
  title: "肿瘤易感基因检测",
  subtitle: "覆盖 28 种高发肿瘤",
  url: "/products/tumor-risk-gene-test",
  highlight: "肿瘤易感<mark>基因</mark>检测",
}

const typeInto = (value: string) =>
  fireEvent.change(screen.getByRole("combobox"), { target: { value } })

describe("SearchBox", () => {
  beforeEach(() => {
    jest.useFakeTimers()
    push.mockReset()
  })
  afterEach(() => jest.useRealTimers())

  it("asks for suggestions once typing pauses, not on every keystroke", async () => {
    const load = jest.fn<Promise<SearchHit[]>, [string, AbortSignal]>(async () => [tumor])
    render(<SearchBox loadSuggestions={load} />)
    typeInto("基")
    typeInto("基因")
    act(() => jest.advanceTimersByTime(SUGGEST_DEBOUNCE_MS - 10))
    expect(load).not.toHaveBeenCalled()
    await act(async () => jest.advanceTimersByTime(20))
    expect(load).toHaveBeenCalledTimes(1)
    expect(load.mock.calls[0][0]).toBe("基因")

    const link = (await screen.findByText("检测产品")).closest("a")!
    expect(link.textContent).toBe("检测产品肿瘤易感基因检测")
    expect(link.getAttribute("href")).toBe("/products/tumor-risk-gene-test")
    expect(link.querySelector("mark")?.textContent).toBe("基因")
    expect(screen.getByRole("link", { name: "查看全部结果" }).getAttribute("href")).toBe(
      "/search?q=%E5%9F%BA%E5%9B%A0"
    )
  })

  it("says search is unavailable when suggestions fail, and still submits to the results page", async () => {
    const load = jest.fn(async () => {
      throw new Error("503")
    })
    render(<SearchBox loadSuggestions={load} />)
    typeInto("体质")
    await act(async () => jest.advanceTimersByTime(SUGGEST_DEBOUNCE_MS))
    expect(await screen.findByText("搜索暂时不可用，请稍后再试")).toBeTruthy()

    fireEvent.submit(screen.getByRole("search"))
    expect(push).toHaveBeenCalledWith("/search?q=%E4%BD%93%E8%B4%A8")
  })

  it("does nothing for a blank query", () => {
    const load = jest.fn<Promise<SearchHit[]>, [string, AbortSignal]>(async () => [])
    render(<SearchBox loadSuggestions={load} />)
    typeInto("   ")
    act(() => jest.advanceTimersByTime(SUGGEST_DEBOUNCE_MS * 2))
    fireEvent.submit(screen.getByRole("search"))
    expect(load).not.toHaveBeenCalled()
    expect(push).not.toHaveBeenCalled()
  })
})

describe("SearchResults", () => {
  const results: Results = {
    hits: [tumor],
    count: 1,
    type: "all",
    groups: {
      product: { hits: [tumor], count: 1 },
      article: { hits: [], count: 0 },
      site: { hits: [], count: 0 },
    },
  }

  it("shows the three tabs with counts and the active tab's hits", () => {
    render(<SearchResults q="基因" type="product" results={results} />)
    const tabs = screen.getAllByRole("link").filter((a) => a.className.includes("tab"))
    expect(tabs.map((t) => t.textContent)).toEqual(["检测产品 1", "健康资讯 0", "采集点 0"])
    expect(tabs[1].getAttribute("href")).toBe("/search?q=%E5%9F%BA%E5%9B%A0&type=article")
    expect(screen.getAllByTestId("search-hit")).toHaveLength(1)
  })

  it("shows the empty state on a tab without hits", () => {
    render(<SearchResults q="基因" type="site" results={results} />)
    expect(screen.getByText("没有找到相关内容，换个关键词试试")).toBeTruthy()
    expect(screen.queryByTestId("search-hit")).toBeNull()
  })

  it("shows the error state when search failed", () => {
    render(<SearchResults q="基因" type="product" failed />)
    expect(screen.getByRole("alert").textContent).toBe("搜索暂时不可用，请稍后再试")
  })
})
