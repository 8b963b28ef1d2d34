// The submodule alone: proxy.ts imports this file, and it should not pull in every client.
import { REFERRAL_KEEP_DAYS } from "@health/core/affiliate/referral-binding"

/** The share code a visitor arrived with, kept 30 days (set by proxy.ts and /r/<code>). */
export const REFERRAL_COOKIE = "ref_code"

export const referralCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: 60 * 60 * 24 * REFERRAL_KEEP_DAYS,
}
