import type { PaymentChannel, PaymentMethodOffer } from "@health/core"
import { publicOrigin } from "./public-origin"
import { isWechatBrowser } from "./wechat-official-account"

/**
 * Where the shopper pays, which decides the methods offered (@health/core paymentMethodsFor)
 * and how WeChat Pay opens: WeChat's own browser (JSAPI with the official account's openid,
 * else its QR code to long-press), another phone browser (H5), or a PC (Native QR code).
 */
export function paymentPlaceFor(userAgent: string): PaymentChannel {
  if (isWechatBrowser(userAgent)) return "wechat_browser"
  if (/Android|iPhone|iPad|Mobile/i.test(userAgent)) return "mobile_browser"
  return "pc_browser"
}

/**
 * WeChat's H5 cashier, told to come back to this cart's payment page on the shop's public
 * origin (never on one the request's Host header names).
 */
export function h5CashierUrl(h5Url: string, cartId: string, origin = publicOrigin()): string {
  const back = new URL("/checkout/pay", origin)
  back.searchParams.set("cart", cartId)
  return `${h5Url}${h5Url.includes("?") ? "&" : "?"}redirect_url=${encodeURIComponent(back.toString())}`
}

/** How WeChat Pay opens in each place outside WeChat, as the checkout names the choice. */
const WECHATPAY_HOW: Partial<Record<PaymentChannel, string>> = {
  pc_browser: "微信扫码",
  mobile_browser: "微信H5",
}

/**
 * The methods as the shopper reads them here: WeChat Pay says how it will open (a QR code to
 * scan on a PC, WeChat's H5 cashier on a phone), since both are 微信支付 to commerce.
 */
export function namedForPlace(
  methods: PaymentMethodOffer[],
  place: PaymentChannel
): PaymentMethodOffer[] {
  const how = WECHATPAY_HOW[place]
  return methods.map((method) =>
    method.key === "wechatpay" && how ? { ...method, label: `${method.label}（${how}）` } : method
  )
}
