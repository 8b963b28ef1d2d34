import { normalizeShareCode } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { REFERRAL_COOKIE, referralCookieOptions } from "@/lib/referral-cookie"

/** A share link: remember the code and land on the home page. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const code = normalizeShareCode((await params).code)
  const response = NextResponse.redirect(new URL("/", request.url))
  if (code) {
    response.cookies.set(REFERRAL_COOKIE, code, referralCookieOptions)
  }
  return response
}
