import { createCheckoutClient } from "../commerce/checkout-client"
import { recordingFetch } from "./support/recording-fetch"

const form = { kind: "form_post", action: "https://gateway.95516.com/x", fields: { a: "1" } }
const cartWith = (sessions: object[]) => ({
  body: { cart: { id: "cart_1", total: 599, payment_collection: { payment_sessions: sessions } } },
})

describe("checkout.openPayment", () => {
  it("resumes an open 银联 or 支付宝 session as well as WeChat's, never a canceled or offline one", async () => {
    const { fetch, calls } = recordingFetch(
      cartWith([
        { provider_id: "pp_alipay_alipay", status: "canceled", data: { payment_action: form } },
        { provider_id: "pp_system_default", status: "pending", data: {} },
        { provider_id: "pp_unionpay_unionpay", status: "pending", data: { payment_action: form } },
      ]),
      cartWith([{ provider_id: "pp_system_default", status: "pending", data: {} }])
    )
    const client = createCheckoutClient({ baseUrl: "http://shop", publishableKey: "pk", fetch })
    expect(await client.openPayment("cart_1", "tok")).toMatchObject({
      cart: { id: "cart_1", total: 599 },
      provider_id: "pp_unionpay_unionpay",
      payment_action: form,
    })
    expect(calls[0].url).toContain("/store/carts/cart_1?")
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
    expect(await client.openPayment("cart_1")).toBeNull()
  })
})
