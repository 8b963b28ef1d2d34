/** @jest-environment node */
import { NextRequest } from "next/server"

const paymentStatus = jest.fn()
const complete = jest.fn()
jest.mock("@/lib/backends", () => ({
  checkout: {
    paymentStatus: (...args: unknown[]) => paymentStatus(...args),
    complete: (...args: unknown[]) => complete(...args),
  },
}))
jest.mock("@/lib/session", () => ({ readToken: async () => "tok_1" }))

const { GET } =
  require("@/app/checkout/status/route") as typeof import("@/app/checkout/status/route")

const poll = (cart: string) => GET(new NextRequest(`http://web/checkout/status?cart=${cart}`))

beforeEach(() => {
  paymentStatus.mockReset()
  complete.mockReset()
})

describe("GET /checkout/status", () => {
  it("moves on to the order once commerce has it, with a guest's order token, and completes nothing itself", async () => {
    paymentStatus.mockResolvedValue({
      status: "paid",
      order: { id: "order_1", display_id: 7 },
      order_access_token: "9.abc",
    })
    const response = await poll("cart_1")
    expect(await response.json()).toEqual({
      status: "paid",
      order_id: "order_1",
      order_token: "9.abc",
    })
    expect(paymentStatus).toHaveBeenCalledWith("cart_1", "tok_1")
    expect(response.cookies.get("cart_id")?.value).toBe("")
    expect(complete).not.toHaveBeenCalled()
  })

  it("keeps waiting while the payment is open", async () => {
    paymentStatus.mockResolvedValue({ status: "waiting" })
    expect(await (await poll("cart_1")).json()).toEqual({ status: "waiting" })
  })

  it("stops waiting and says so when commerce refunded a payment that could not become an order", async () => {
    paymentStatus.mockResolvedValue({
      status: "refunded",
      refund: { amount_fen: 69900, reason: "所选时段已约满" },
    })
    const response = await poll("cart_1")
    expect(await response.json()).toEqual({
      status: "refunded",
      message: "订单未能生成，已原路退款 ¥699.00（所选时段已约满），请返回购物车重新下单",
    })
    expect(response.cookies.get("cart_id")?.value).toBe("")
  })

  it("does not repeat the refund title as its reason", async () => {
    paymentStatus.mockResolvedValue({
      status: "refunded",
      refund: { amount_fen: 100, reason: "订单未能生成，已原路退款" },
    })
    expect((await (await poll("cart_1")).json()).message).toBe(
      "订单未能生成，已原路退款 ¥1.00，请返回购物车重新下单"
    )
  })

  it("says when the payment expired", async () => {
    paymentStatus.mockResolvedValue({ status: "expired" })
    expect(await (await poll("cart_1")).json()).toEqual({
      status: "expired",
      message: "支付已超时，请返回购物车重新下单",
    })
  })

  it("refuses a malformed cart id with a Chinese message", async () => {
    const response = await poll("nope")
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ status: "invalid", message: "缺少购物车编号" })
  })
})
