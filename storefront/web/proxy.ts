import { normalizeShareCode } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { cachedListingPath } from "./lib/cached-listings"
import { REFERRAL_COOKIE, referralCookieOptions } from "./lib/referral-cookie"
import {
  STATIC_SECURITY_HEADERS,
  contentSecurityPolicy,
  newNonce,
  policySourcesFromEnv,
} from "./lib/security-headers"

/**
 * Every page (and the few routes beside them): a Content-Security-Policy with a fresh nonce
 * plus the fixed security headers; /api routes and built files get theirs from
 * next.config.ts. Next reads the nonce from the request's CSP header (set here, replacing
 * any the client sent) and puts it on its scripts. Pages served from cache cannot carry it:
 * their policy names their inline scripts by hash instead (lib/static-page-policy.ts).
 *
 * `?ref=<code>` on any page keeps the share code for 30 days; the referrer is bound
 * when the visitor signs up or places a first order. The newest link wins until then.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), policySourcesFromEnv())
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set("content-security-policy", policy)
  // A filtered list page is served by its cached twin; the shopper's address stays the same.
  const twin = cachedListingPath(request.nextUrl)
  const response = twin
    ? NextResponse.rewrite(new URL(twin, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set("Content-Security-Policy", policy)
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) {
    response.headers.set(name, value)
  }

  const code = normalizeShareCode(request.nextUrl.searchParams.get("ref"))
  if (code) {
    response.cookies.set(REFERRAL_COOKIE, code, referralCookieOptions)
  }
  return response
}

export const config = {
  // Built files and /api routes get their headers from next.config.ts instead.
  matcher: ["/((?!_next/static/|_next/image|api/|favicon.ico).*)"],
}
