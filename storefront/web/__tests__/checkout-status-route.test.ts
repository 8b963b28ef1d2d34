/** @jest-environment node */
import { ApiError } from "@health/core"
import { NextRequest } from "next/server"

const complete = jest.fn()
const wechatSession = jest.fn()
jest.mock("@/lib/backends", () => ({
  checkout: {
    complete: (...args: unknown[]) => complete(...args),
    wechatSession: (...args: unknown[]) => wechatSession(...args),
  },
}))
jest.mock("@/lib/session", () => ({ readToken: async () => "tok_1" }))

const { GET } =
  require("@/app/checkout/status/route") as typeof import("@/app/checkout/status/route")

const poll = (cart: string) => GET(new NextRequest(`http://web/checkout/status?cart=${cart}`))
const cartWith = (metadata: Record<string, unknown> | null) => ({
  cart: { id: "cart_1", metadata },
  payment: null,
})

beforeEach(() => {
  complete.mockReset()
  wechatSession.mockReset()
})

describe("GET /checkout/status", () => {
  it("moves on to the order once WeChat has confirmed the payment", async () => {
    complete.mockResolvedValue({ type: "order", order: { id: "order_1" } })
    const response = await poll("cart_1")
    expect(await response.json()).toEqual({ status: "paid", order_id: "order_1" })
    expect(complete).toHaveBeenCalledWith("cart_1", "tok_1")
  })

  it("passes on the guest's order token, and reads the unpaid cart with the member's token", async () => {
    complete.mockResolvedValue({
      type: "order",
      order: { id: "order_1" },
      order_access_token: "9.abc",
    })
    expect(await (await poll("cart_1")).json()).toEqual({
      status: "paid",
      order_id: "order_1",
      order_token: "9.abc",
    })
    complete.mockResolvedValue({ type: "cart", cart: { id: "cart_1" } })
    wechatSession.mockResolvedValue(cartWith({}))
    await poll("cart_1")
    expect(wechatSession).toHaveBeenCalledWith("cart_1", "tok_1")
  })

  it("keeps waiting while the cart is unpaid", async () => {
    complete.mockResolvedValue({ type: "cart", cart: { id: "cart_1" } })
    wechatSession.mockResolvedValue(cartWith({}))
    expect(await (await poll("cart_1")).json()).toEqual({ status: "waiting" })
  })

  it("stops waiting and says so when commerce refunded a payment that could not become an order", async () => {
    complete.mockRejectedValue(new ApiError(400, "Payment sessions are required to complete cart"))
    wechatSession.mockResolvedValue(
      cartWith({
        wechatpay_unplaced_refund: {
          amount: 69900,
          reason: "所选时段已约满",
          status: "SUCCESS",
        },
      })
    )
    const response = await poll("cart_1")
    expect(await response.json()).toEqual({
      status: "refunded",
      message: "订单未能生成，已原路退款 ¥699.00（所选时段已约满），请返回购物车重新下单",
    })
    expect(response.cookies.get("cart_id")?.value).toBe("")
  })

  it("does not repeat the refund title as its reason", async () => {
    complete.mockRejectedValue(new ApiError(400, "not authorized"))
    wechatSession.mockResolvedValue(
      cartWith({ wechatpay_unplaced_refund: { amount: 100, reason: "订单未能生成，已原路退款" } })
    )
    expect((await (await poll("cart_1")).json()).message).toBe(
      "订单未能生成，已原路退款 ¥1.00，请返回购物车重新下单"
    )
  })

  it("refuses a malformed cart id with a Chinese message", async () => {
    const response = await poll("nope")
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ status: "invalid", message: "缺少购物车编号" })
  })
})
