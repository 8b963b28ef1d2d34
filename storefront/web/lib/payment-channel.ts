import type { WechatChannel } from "@health/core"
import { publicOrigin } from "./public-origin"
import { isWechatBrowser } from "./wechat-official-account"

/**
 * Which WeChat Pay product fits the browser: JSAPI inside WeChat's own browser when the
 * shop has an official account (the payer's openid comes from its OAuth), otherwise the
 * QR code to long-press there; H5 in other mobile browsers; a Native QR code on PC.
 */
export function paymentChannelFor(
  userAgent: string,
  { officialAccount = false }: { officialAccount?: boolean } = {}
): WechatChannel {
  if (isWechatBrowser(userAgent)) return officialAccount ? "jsapi" : "native"
  if (/Android|iPhone|iPad|Mobile/i.test(userAgent)) return "h5"
  return "native"
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
