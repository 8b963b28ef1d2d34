import { useShareAppMessage, useShareTimeline } from "@tarojs/taro"
import { useEffect, useState } from "react"
import { member } from "./clients"
import { session } from "./session"

let cachedCode: { token: string; code: string | null } | null = null

/** The signed-in member's share code (分销 推荐码), or null for visitors. */
export async function myShareCode(): Promise<string | null> {
  const token = session.token()
  if (!token) return null
  if (cachedCode?.token === token) return cachedCode.code
  try {
    const code = (await member.affiliate.me(token)).code
    cachedCode = { token, code }
    return code
  } catch {
    return null
  }
}

/** `path?a=1` plus `ref=<code>`: the query a shared card or timeline post opens with. */
export function withRef(path: string, code: string | null): string {
  if (!code) return path
  return `${path}${path.includes("?") ? "&" : "?"}ref=${encodeURIComponent(code)}`
}

export function shareQuery(query: string, code: string | null): string {
  const parts = [query, code ? `ref=${encodeURIComponent(code)}` : ""].filter(Boolean)
  return parts.join("&")
}

/**
 * 转发给朋友 and 分享到朋友圈 carry the member's referral code, so whoever opens the card is
 * bound to them at sign-up or first order, exactly like the web's `?ref=` links.
 */
export function useReferralShare(title: string, path: string, query = "") {
  const [code, setCode] = useState<string | null>(null)
  useEffect(() => {
    myShareCode().then(setCode)
  }, [])
  useShareAppMessage(() => ({ title, path: withRef(path, code) }))
  useShareTimeline(() => ({ title, query: shareQuery(query, code) }))
  return code
}
