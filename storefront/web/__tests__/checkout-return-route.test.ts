/** @jest-environment node */
import { NextRequest } from "next/server"
import { PAYMENT_COOKIE } from "@/app/checkout/pay/payment-cookie"

const { GET, POST } =
  require("@/app/checkout/return/[provider]/route") as typeof import("@/app/checkout/return/[provider]/route")

const ORIGIN = "https://shop.example.com"
const openPayment = (cartId: string) =>
  `${PAYMENT_COOKIE}=${encodeURIComponent(
    JSON.stringify({
      cart_id: cartId,
      provider_id: "pp_alipay_alipay",
      amount_fen: 59900,
      action: { kind: "redirect", url: "https://openapi.alipay.com/gateway.do?x=1" },
    })
  )}`

const call = async (
  method: "GET" | "POST",
  provider: string,
  init: { query?: string; cookie?: string; body?: string } = {}
) => {
  const request = new NextRequest(
    `http://internal:3000/checkout/return/${provider}${init.query ?? ""}`,
    {
      method,
      headers: {
        host: "evil.example.net",
        ...(init.cookie && { cookie: init.cookie }),
        ...(init.body && { "content-type": "application/x-www-form-urlencoded" }),
      },
      ...(init.body && { body: init.body }),
    }
  )
  const response = await (method === "POST" ? POST : GET)(request, {
    params: Promise.resolve({ provider }),
  })
  return [response.status, response.headers.get("location")]
}

beforeEach(() => {
  process.env.STOREFRONT_PUBLIC_URL = ORIGIN
})

describe("the return from a browser cashier", () => {
  it("sends Alipay's signed GET return to the waiting page of the cart this browser is paying", async () => {
    const alipayQuery =
      "?charset=utf-8&out_trade_no=T1&method=alipay.trade.page.pay.return&total_amount=599.00&sign=abc"
    expect(
      await call("GET", "alipay", { query: alipayQuery, cookie: openPayment("cart_01A") })
    ).toEqual([303, `${ORIGIN}/checkout/pay?cart=cart_01A&returned=1`])
  })

  it("takes the cart from its own address when the checkout put it there", async () => {
    expect(await call("GET", "unionpay", { query: "?cart=cart_02B" })).toEqual([
      303,
      `${ORIGIN}/checkout/pay?cart=cart_02B&returned=1`,
    ])
    expect(
      await call("POST", "unionpay", {
        query: "?cart=cart_02B",
        body: "respCode=00&orderId=O1&signature=xyz",
      })
    ).toEqual([303, `${ORIGIN}/checkout/pay?cart=cart_02B&returned=1`])
  })

  it("turns UnionPay's cookieless cross-site POST into a GET of itself, which then finds the cart", async () => {
    expect(await call("POST", "unionpay", { body: "respCode=00&orderId=O1" })).toEqual([
      303,
      `${ORIGIN}/checkout/return/unionpay`,
    ])
    expect(await call("GET", "unionpay", { cookie: openPayment("cart_03C") })).toEqual([
      303,
      `${ORIGIN}/checkout/pay?cart=cart_03C&returned=1`,
    ])
  })

  it("goes to the cart for an unknown cashier, a malformed cart or no payment at all, never to the Host header's site", async () => {
    expect(await call("GET", "paypal", { cookie: openPayment("cart_01A") })).toEqual([
      303,
      `${ORIGIN}/cart`,
    ])
    expect(await call("GET", "alipay", { query: "?cart=../admin" })).toEqual([
      303,
      `${ORIGIN}/cart`,
    ])
    expect(await call("GET", "alipay", { cookie: `${PAYMENT_COOKIE}=not-json` })).toEqual([
      303,
      `${ORIGIN}/cart`,
    ])
    expect(
      await call("GET", "alipay", { query: "?cart=cart_x%22%3E", cookie: openPayment("cart_04D") })
    ).toEqual([303, `${ORIGIN}/checkout/pay?cart=cart_04D&returned=1`])
  })
})
