import { call, eventually, post } from "./commerce-api"
import { signInWithWechat } from "./members"
import { wechatpaySandboxUrl } from "./wechat-client"

type JsapiParams = Record<string, string>

/**
 * What the mini-program does in WeChat, request for request (storefront/miniprogram's
 * place-order): wx.login, the cart, one server-run checkout in the `miniprogram` channel with
 * the member's openid, then wx.requestPayment with the JSAPI parameters (the WeChat Pay
 * sandbox plays WeChat's client and checks paySign), and the payment status until the order
 * is there. Answers the order and what was paid (fen).
 */
export async function buyInMiniprogram(who: string, handle: string) {
  const token = await signInWithWechat(who)
  const as = { token }
  const { customer } = await call<{
    customer: { email: string | null; metadata: { wechat_openid?: string } | null }
  }>("/store/customers/me?fields=+metadata", as)
  const openid = customer.metadata?.wechat_openid
  if (!openid) throw new Error(`the WeChat member has no openid: ${JSON.stringify(customer)}`)

  const { regions } = await call<{ regions: { id: string }[] }>("/store/regions", as)
  const { products } = await call<{ products: { variants: { id: string }[] }[] }>(
    `/store/products?handle=${handle}&fields=*variants`,
    as
  )
  const { cart } = await post<{ cart: { id: string } }>(
    "/store/carts",
    { region_id: regions[0].id },
    as
  )
  const { cart: withLine } = await post<{ cart: { items: { id: string }[] } }>(
    `/store/carts/${cart.id}/line-items`,
    { variant_id: products[0].variants[0].id, quantity: 1 },
    as
  )
  const answer = await post<{
    amount_fen: number
    payment_action: { kind: string; params?: JsapiParams }
  }>(
    `/store/carts/${cart.id}/checkout`,
    {
      email: `${who}@example.com`,
      address: {
        first_name: "小程",
        last_name: "周",
        phone: "13900006666",
        province: "广东省",
        city: "广州市",
        address_2: "天河区",
        address_1: "体育西路 1 号",
        country_code: "cn",
      },
      lines: [{ line_id: withLine.items[0].id, method: "mail_in" }],
      store_credit_fen: 0,
      payment: { provider_id: "pp_wechatpay_wechatpay", channel: "miniprogram", openid },
    },
    as
  )
  if (answer.payment_action.kind !== "jsapi" || !answer.payment_action.params) {
    throw new Error(`not a JSAPI payment: ${JSON.stringify(answer.payment_action)}`)
  }
  const paid = await fetch(`${wechatpaySandboxUrl()}/sandbox/jsapi/pay`, {
    method: "POST",
    body: JSON.stringify(answer.payment_action.params),
  }).then((response) => response.json() as Promise<{ err_msg: string; message?: string }>)
  if (paid.err_msg !== "get_brand_wcpay_request:ok") {
    throw new Error(`wx.requestPayment failed: ${JSON.stringify(paid)}`)
  }
  const status = await eventually(
    () =>
      call<{ status: string; order?: { id: string } }>(
        `/store/carts/${cart.id}/payment-status`,
        as
      ),
    (now) => now.status !== "waiting"
  )
  if (status.status !== "paid" || !status.order) {
    throw new Error(`the mini-program order was not paid: ${JSON.stringify(status)}`)
  }
  return { orderId: status.order.id, fen: answer.amount_fen }
}
