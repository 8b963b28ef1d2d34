import { fireEvent, render, screen } from "@testing-library/react"

const shareEarnings = jest.fn()
let token: string | undefined = "tok"
jest.mock("@/lib/session", () => ({ readToken: async () => token }))
jest.mock("@/lib/backends", () => ({
  member: {
    affiliate: {
      shareEarnings: (...args: unknown[]) => shareEarnings(...args),
      me: async () => ({ code: "ABC2345", link: "http://localhost:8000/r/ABC2345" }),
    },
  },
}))

const { ShareEarning } =
  require("@/components/affiliate/share-earning") as typeof import("@/components/affiliate/share-earning")

const product = {
  id: "prod_1",
  handle: "folate",
  title: "叶酸代谢基因检测",
  variants: [{ id: "variant_1", title: "标准版", calculated_price: { calculated_amount: 199 } }],
}

describe("分享赚 on a product page", () => {
  it("offers a distributor the product's poster next to what sharing earns", async () => {
    token = "tok"
    shareEarnings.mockResolvedValue([
      { product_id: "prod_1", price: 199, rate_percent: 8, amount: 15.92 },
    ])
    render((await ShareEarning({ product }))!)
    expect(screen.getByTestId("share-earning").textContent).toBe("分享赚 ¥15.92")
    fireEvent.click(screen.getByTestId("product-poster-button"))
    expect(screen.getByTestId("share-poster").getAttribute("src")).toBe(
      "/api/affiliate/poster?product=folate&v=19900-19900"
    )
    expect(screen.getByTestId("share-poster").getAttribute("data-price")).toBe("¥199.00")
    expect(screen.getByTestId("product-poster-button").textContent).toBe("收起海报")
  })

  it("shows nothing to members who earn nothing by sharing, or to visitors", async () => {
    shareEarnings.mockResolvedValue([])
    expect(await ShareEarning({ product })).toBeNull()
    token = undefined
    expect(await ShareEarning({ product })).toBeNull()
  })
})
