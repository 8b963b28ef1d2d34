import type { PaymentChannel } from "@health/core"
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
