import { render, screen } from "@testing-library/react"

const commissions = jest.fn()
const monthly = jest.fn()
jest.mock("@/lib/require-member", () => ({
  requireMember: async () => ({ token: "tok", member: { first_name: "小明", last_name: "王" } }),
}))
jest.mock("@/lib/affiliate-actions", () => ({ requestWithdrawal: async () => undefined }))
jest.mock("@/lib/backends", () => ({
  affiliateEarnings: { monthly: (...args: unknown[]) => monthly(...args) },
  member: {
    affiliate: {
      me: async () => ({
        id: "aff_1",
        code: "ABC2345",
        link: "http://localhost:8000/r/ABC2345",
        status: "distributor",
        referrer: null,
        bound_at: null,
        balances: { pending: 1, available: 0, withdrawing: 0, withdrawn: 0, spent: 0 },
        programme: { rates_percent: [8, 4], hold_days: 15, min_withdrawal: 10 },
      }),
      commissions: (...args: unknown[]) => commissions(...args),
      team: async () => [{ level: 1, count: 0, members: [] }],
      withdrawals: async () => ({ withdrawals: [], count: 0 }),
    },
  },
  commerce: {
    getRegion: async () => ({ id: "reg_cn" }),
    listProducts: async () => ({
      products: [
        {
          handle: "tumor-risk-gene-test",
          title: "肿瘤易感基因检测",
          variants: [{ calculated_price: { calculated_amount: 1999 } }],
        },
        {
          handle: "folate",
          title: "叶酸代谢基因检测",
          variants: [
            { calculated_price: { calculated_amount: 1499.37 } },
            { calculated_price: { calculated_amount: 1999 } },
          ],
        },
      ],
      count: 2,
    }),
  },
  optional: async <T,>(load: () => Promise<T>, fallback: T) => load().catch(() => fallback),
}))

const { default: AffiliateCentrePage } =
  require("@/app/account/affiliate/page") as typeof import("@/app/account/affiliate/page")

const line = (i: number) => ({
  id: `afle_${i}`,
  kind: "commission",
  kind_label: "佣金",
  bucket: "pending",
  amount: 8,
  order_id: "order_1",
  level: 1,
  rate_percent: 8,
  base_amount: 100,
  note: null,
  created_at: "2026-11-02T00:00:00Z",
})

beforeEach(() => {
  commissions.mockResolvedValue({ commissions: [line(1), line(2)], count: 45 })
  monthly.mockResolvedValue([
    { month: "2026-10", label: "10月", amount: 0 },
    { month: "2026-11", label: "11月", amount: 1234.5 },
  ])
})

async function renderPage(params: { page?: string; poster?: string }) {
  render(await AffiliateCentrePage({ searchParams: Promise.resolve(params) }))
}

describe("分销中心", () => {
  it("draws the chart from commerce's monthly sums, not from the listed commissions", async () => {
    await renderPage({})
    expect(monthly).toHaveBeenCalledWith("tok", 6)
    const chart = screen.getByTestId("earnings-chart")
    expect(Array.from(chart.querySelectorAll("text")).map((t) => t.textContent)).toEqual([
      "",
      "10月",
      "¥1,234.50",
      "11月",
    ])
  })

  it("pages the commission list 20 at a time, keeping the chosen poster product", async () => {
    await renderPage({ page: "2", poster: "folate" })
    expect(commissions).toHaveBeenCalledWith("tok", 20, 20)
    const pager = screen.getByTestId("commission-pages")
    expect(pager.textContent).toBe("上一页第 2 / 3 页，共 45 条下一页")
    expect(Array.from(pager.querySelectorAll("a")).map((a) => a.getAttribute("href"))).toEqual([
      "/account/affiliate?poster=folate#commissions",
      "/account/affiliate?page=3&poster=folate#commissions",
    ])
  })

  it("reads the first page for a missing or nonsense page number", async () => {
    await renderPage({ page: "abc" })
    expect(commissions).toHaveBeenCalledWith("tok", 20, 0)
    expect(screen.getByTestId("commission-pages").textContent).toBe("第 1 / 3 页，共 45 条下一页")
  })

  it("offers the poster of the picked product, with its product link", async () => {
    await renderPage({ poster: "folate" })
    const poster = screen.getByTestId("share-poster")
    // The price is part of the URL: a changed price is a new picture, never a kept old one.
    expect(poster.getAttribute("src")).toBe("/api/affiliate/poster?product=folate&v=149937-199900")
    expect(poster.getAttribute("data-price")).toBe("¥1,499.37 起")
    expect(poster.getAttribute("alt")).toBe(
      "叶酸代谢基因检测 分享海报：扫码查看商品，注册即绑定推荐关系"
    )
    expect(screen.getByTestId("share-poster-download").getAttribute("href")).toBe(
      "/api/affiliate/poster?product=folate&v=149937-199900&download=1"
    )
    const picker = screen.getByTestId("poster-product-picker")
    expect((picker.querySelector("select") as HTMLSelectElement).value).toBe("folate")
  })

  it("shows the first product's poster when none or an unknown one is asked for", async () => {
    await renderPage({ poster: "gone" })
    expect(screen.getByTestId("share-poster").getAttribute("src")).toBe(
      "/api/affiliate/poster?product=tumor-risk-gene-test&v=199900-199900"
    )
    expect(screen.getByTestId("share-poster").getAttribute("data-price")).toBe("¥1,999.00")
  })
})
