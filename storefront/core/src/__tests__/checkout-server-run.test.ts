import type { CheckoutRequest } from "@health/contracts"
import { createCheckoutClient } from "../commerce/checkout-client"
import { recordingFetch } from "./support/recording-fetch"

const options = { baseUrl: "http://shop", publishableKey: "pk" }

const request: CheckoutRequest = {
  email: "buyer@example.com",
  address: {
    first_name: "晓",
    last_name: "赵",
    phone: "13900001111",
    province: "湖南省",
    city: "岳阳市",
    address_1: "洞庭南路 1 号",
    country_code: "cn",
  },
  lines: [{ line_id: "cali_1", method: "mail_in" }],
  store_credit_fen: 0,
  payment: { provider_id: "pp_wechatpay_wechatpay", channel: "pc_browser" },
}

describe("the server-run checkout client", () => {
  it("checks out in two calls: the checkout, then the payment status", async () => {
    const action = {
      kind: "qr_code",
      code_url: "weixin://wxpay/1",
      expires_at: "2026-12-06T10:00:00+08:00",
    }
    const { fetch, calls } = recordingFetch(
      { body: { cart_id: "cart_1", payment_action: action } },
      { body: { status: "paid", order: { id: "order_1", display_id: 7 } } }
    )
    const client = createCheckoutClient({ ...options, fetch })
    const answered = await client.checkout("cart_1", request, "tok")
    expect(answered).toEqual({ cart_id: "cart_1", payment_action: action })
    const status = await client.paymentStatus("cart_1", "tok")
    expect(status).toEqual({ status: "paid", order: { id: "order_1", display_id: 7 } })
    expect(calls.map((c) => [c.init?.method ?? "GET", c.url])).toEqual([
      ["POST", "http://shop/store/carts/cart_1/checkout"],
      ["GET", "http://shop/store/carts/cart_1/payment-status"],
    ])
    expect(JSON.parse(String(calls[0].init?.body))).toEqual(request)
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
  })

  it("answers what to fix, each problem on its field", async () => {
    const problems = [{ field: "payment.provider_id", message: "在微信内仅支持微信支付" }]
    const { fetch } = recordingFetch({
      status: 400,
      body: { type: "invalid_data", message: problems[0].message, problems },
    })
    const client = createCheckoutClient({ ...options, fetch })
    await expect(client.checkout("cart_1", request)).resolves.toEqual({
      refused: { message: "在微信内仅支持微信支付", problems },
    })
  })

  it("throws other refusals, such as a checkout already running (409)", async () => {
    const { fetch } = recordingFetch({
      status: 409,
      body: { type: "conflict", message: "正在为该购物车提交订单，请勿重复提交，稍候查看支付结果" },
    })
    const client = createCheckoutClient({ ...options, fetch })
    await expect(client.checkout("cart_1", request)).rejects.toMatchObject({
      status: 409,
      message: "正在为该购物车提交订单，请勿重复提交，稍候查看支付结果",
    })
  })
})
