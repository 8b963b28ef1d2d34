import { randomBytes } from "node:crypto"
import { NextResponse, type NextRequest } from "next/server"
import {
  OAUTH_STATE_COOKIE,
  OPENID_COOKIE,
  oauthAuthorizeUrl,
  officialAccountFromEnv,
  openidForCode,
  safeNext,
} from "@/lib/wechat-official-account"

const cookie = (request: NextRequest, maxAge: number) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge,
  secure: publicOrigin(request).startsWith("https://"),
})

/** The origin the member's browser sees (the shop runs behind a proxy in production). */
function publicOrigin(request: NextRequest) {
  const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.slice(0, -1)
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host")
  return host ? `${proto}://${host}` : request.nextUrl.origin
}

/**
 * WeChat's silent web OAuth for the payer's openid. Without `code`: send the member to
 * WeChat's authorize page with a fresh state. With it: check the state, trade the code
 * for the openid, keep it in a cookie and go back. Any failure returns with
 * `?wechat_oauth=failed`, where the shop falls back to the QR code.
 */
export async function GET(request: NextRequest) {
  const account = officialAccountFromEnv()
  const params = request.nextUrl.searchParams
  const next = safeNext(params.get("next"))
  const back = (failed: boolean) =>
    NextResponse.redirect(
      new URL(
        failed ? `${next}${next.includes("?") ? "&" : "?"}wechat_oauth=failed` : next,
        publicOrigin(request)
      )
    )
  if (!account) return back(true)

  const code = params.get("code")
  if (!code) {
    const state = randomBytes(16).toString("hex")
    const callback = `${publicOrigin(request)}/api/wechat/oauth?next=${encodeURIComponent(next)}`
    const response = NextResponse.redirect(oauthAuthorizeUrl(account, callback, state))
    response.cookies.set(OAUTH_STATE_COOKIE, state, cookie(request, 600))
    return response
  }
  if (
    !params.get("state") ||
    params.get("state") !== request.cookies.get(OAUTH_STATE_COOKIE)?.value
  ) {
    return back(true)
  }
  try {
    const openid = await openidForCode(account, code)
    const response = back(false)
    response.cookies.set(OPENID_COOKIE, openid, cookie(request, 60 * 60 * 24 * 30))
    response.cookies.delete(OAUTH_STATE_COOKIE)
    return response
  } catch (error) {
    console.error("[wechat-oauth]", (error as Error).message)
    return back(true)
  }
}
