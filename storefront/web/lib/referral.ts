import { normalizeShareCode } from "@health/core"
import { cookies } from "next/headers"
import { member } from "./backends"
import { REFERRAL_COOKIE } from "./referral-cookie"

export type BindOutcome = "bound" | "none" | { refused: string }

/**
 * Binds a freshly signed-in member to the code they arrived with. Binding happens
 * once; whatever the answer, the cookie has done its job and is cleared.
 */
export async function bindPendingReferral(token: string): Promise<BindOutcome> {
  const jar = await cookies()
  const code = normalizeShareCode(jar.get(REFERRAL_COOKIE)?.value)
  if (!code) return "none"
  try {
    await member.affiliate.bind(token, code)
    jar.delete(REFERRAL_COOKIE)
    return "bound"
  } catch (error) {
    const status = (error as { status?: number }).status ?? 500
    if (status >= 500) return "none"
    jar.delete(REFERRAL_COOKIE)
    return { refused: (error as Error).message }
  }
}
