import { randomBytes } from "node:crypto"
import { NextResponse, type NextRequest } from "next/server"
import { publicOrigin } from "@/lib/public-origin"
import { publicUrl, safeRedirectPath } from "@/lib/safe-redirect"
import {
  OAUTH_STATE_COOKIE,
  OPENID_COOKIE,
  oauthAuthorizeUrl,
  officialAccountFromEnv,
  openidForCode,
} from "@/lib/wechat-official-account"

const cookie = (maxAge: number) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge,
  secure: publicOrigin().startsWith("https://"),
})

/**
 * WeChat's silent web OAuth for the payer's openid. Without `code`: send the member to
 * WeChat's authorize page with a fresh state. With it: check the state, trade the code
 * for the openid, keep it in a cookie and go back. Any failure returns with
 * `?wechat_oauth=failed`, where the shop falls back to the QR code. Every URL here is on
 * the configured public origin: the request's Host headers choose nothing.
 */
export async function GET(request: NextRequest) {
  const account = officialAccountFromEnv()
  const params = request.nextUrl.searchParams
  const next = safeRedirectPath(params.get("next"), "/checkout")
  const back = (failed: boolean) =>
    NextResponse.redirect(
      publicUrl(
        failed ? `${next}${next.includes("?") ? "&" : "?"}wechat_oauth=failed` : next,
        "/checkout"
      )
    )
  if (!account) return back(true)

  const code = params.get("code")
  if (!code) {
    const state = randomBytes(16).toString("hex")
    const callback = new URL("/api/wechat/oauth", publicOrigin())
    callback.searchParams.set("next", next)
    const response = NextResponse.redirect(oauthAuthorizeUrl(account, callback.toString(), state))
    response.cookies.set(OAUTH_STATE_COOKIE, state, cookie(600))
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
    response.cookies.set(OPENID_COOKIE, openid, cookie(60 * 60 * 24 * 30))
    response.cookies.delete(OAUTH_STATE_COOKIE)
    return response
  } catch (error) {
    console.error("[wechat-oauth]", (error as Error).message)
    return back(true)
  }
}
