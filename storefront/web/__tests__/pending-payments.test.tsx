import { render, screen } from "@testing-library/react"

const wechatSession = jest.fn()
const pendingPayments = jest.fn()
let cartCookie: string | undefined
let token: string | undefined
jest.mock("@/lib/backends", () => ({
  checkout: { wechatSession: (...args: unknown[]) => wechatSession(...args) },
  member: { pendingPayments: (...args: unknown[]) => pendingPayments(...args) },
}))
jest.mock("@/lib/cart-cookie", () => ({ readCartId: async () => cartCookie }))
jest.mock("@/lib/session", () => ({ readToken: async () => token }))

const { PendingPaymentNotice } =
  require("@/components/order/pending-payment-notice") as typeof import("@/components/order/pending-payment-notice")

const openHere = (expire: string) => ({
  cart: {
    id: "cart_here",
    total: 699,
    completed_at: null,
    items: [{ title: "单人装", product_title: "运动基因检测" }],
  },
  payment: { time_expire: expire },
})

beforeEach(() => {
  wechatSession.mockReset()
  pendingPayments.mockReset()
  cartCookie = undefined
  token = undefined
})

describe("待付款: WeChat payments left open", () => {
  it("lists this browser's checkout and a member's checkouts from other devices, each once", async () => {
    cartCookie = "cart_here"
    token = "tok_1"
    wechatSession.mockResolvedValue(openHere("2999-01-01T00:00:00+08:00"))
    pendingPayments.mockResolvedValue([
      { cart_id: "cart_here", amount: 699, titles: ["运动基因检测"], time_expire: "x" },
      {
        cart_id: "cart_phone",
        amount: 1299.5,
        titles: ["肿瘤易感基因检测", "营养代谢基因检测"],
        time_expire: "2999-01-01T00:00:00+08:00",
      },
    ])
    render(<>{await PendingPaymentNotice()}</>)

    const rows = screen.getAllByTestId("pending-payment")
    expect(rows.map((row) => row.querySelector("strong")?.textContent)).toEqual([
      "待支付 ¥699.00",
      "待支付 ¥1,299.50",
    ])
    expect(rows[1].textContent).toContain("肿瘤易感基因检测、营养代谢基因检测")
    expect(
      screen.getAllByRole("link", { name: "继续支付" }).map((a) => a.getAttribute("href"))
    ).toEqual(["/checkout/pay?cart=cart_here", "/checkout/pay?cart=cart_phone"])
    expect(pendingPayments).toHaveBeenCalledWith("tok_1")
    // The member's cart answers only with their token.
    expect(wechatSession).toHaveBeenCalledWith("cart_here", "tok_1")
  })

  it("offers to submit again once this browser's WeChat order has expired", async () => {
    cartCookie = "cart_here"
    wechatSession.mockResolvedValue(openHere("2020-01-01T00:00:00+08:00"))
    render(<>{await PendingPaymentNotice()}</>)
    expect(screen.getByRole("link", { name: "重新提交订单" }).getAttribute("href")).toBe(
      "/checkout"
    )
    expect(pendingPayments).not.toHaveBeenCalled()
  })

  it("shows nothing when nothing is open, and keeps the page when commerce cannot answer", async () => {
    token = "tok_1"
    pendingPayments.mockRejectedValue(new Error("down"))
    const { container } = render(<>{await PendingPaymentNotice()}</>)
    expect(container.innerHTML).toBe("")
  })
})
