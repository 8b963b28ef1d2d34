import { normalizeShareCode } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { REFERRAL_COOKIE, referralCookieOptions } from "./lib/referral-cookie"

/**
 * `?ref=<code>` on any page keeps the share code for 30 days; the referrer is bound
 * when the visitor signs up or places a first order. The newest link wins until then.
 */
export function proxy(request: NextRequest) {
  const code = normalizeShareCode(request.nextUrl.searchParams.get("ref"))
  const response = NextResponse.next()
  if (code) {
    response.cookies.set(REFERRAL_COOKIE, code, referralCookieOptions)
  }
  return response
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
}
