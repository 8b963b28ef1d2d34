/**
 * The header a storefront names itself with (storefront/core's commerce client sends it;
 * keep the two in step). Only the mini-program sends it today: the web, and any client
 * that does not say, is the web.
 */
export const STOREFRONT_CHANNEL_HEADER = "x-storefront-channel"

export type StorefrontChannel = "web" | "miniprogram"

/** Which storefront asks: "miniprogram" (a WeChat surface, 微官网 rules apply) or "web". */
export function storefrontChannelOf(req: {
  headers: Record<string, string | string[] | undefined>
}): StorefrontChannel {
  const raw = req.headers[STOREFRONT_CHANNEL_HEADER]
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().toLowerCase()
  return value === "miniprogram" ? "miniprogram" : "web"
}
