import type { WechatChannel } from "@health/core"

/**
 * Which WeChat Pay product fits the browser: H5 in mobile browsers, a Native QR code
 * on PC. Inside WeChat's own browser JSAPI would need the official account's openid,
 * which the web shop does not have, so it shows the QR code to long-press instead.
 */
export function paymentChannelFor(userAgent: string): WechatChannel {
  if (/MicroMessenger/i.test(userAgent)) return "native"
  if (/Android|iPhone|iPad|Mobile/i.test(userAgent)) return "h5"
  return "native"
}
