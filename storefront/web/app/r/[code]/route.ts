import { normalizeShareCode } from "@health/core"
import { NextResponse, type NextRequest } from "next/server"
import { REFERRAL_COOKIE, referralCookieOptions } from "@/lib/referral-cookie"
import { publicUrl } from "@/lib/safe-redirect"

/** A share link: remember the code and land on the home page. */
export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ code: string }> }
) {
  const code = normalizeShareCode((await params).code)
  const response = NextResponse.redirect(publicUrl("/", "/"))
  if (code) {
    response.cookies.set(REFERRAL_COOKIE, code, referralCookieOptions)
  }
  return response
}
