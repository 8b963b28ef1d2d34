import {
  bindPendingReferral as bindReferral,
  normalizeShareCode,
  type BindOutcome,
} from "@health/core"
import { cookies } from "next/headers"
import { member } from "./backends"
import { REFERRAL_COOKIE } from "./referral-cookie"

export type { BindOutcome }

/**
 * Binds a freshly signed-in member to the code they arrived with (kept in a cookie), by
 * the rule the mini-program follows too (@health/core's bindPendingReferral).
 */
export async function bindPendingReferral(token: string): Promise<BindOutcome> {
  const jar = await cookies()
  return bindReferral(
    {
      read: () => normalizeShareCode(jar.get(REFERRAL_COOKIE)?.value),
      forget: () => void jar.delete(REFERRAL_COOKIE),
    },
    (code) => member.affiliate.bind(token, code)
  )
}
