import { createEscortAdmissionClient } from "@health/core"
import { commerceFetch } from "@/lib/commerce-fetch"
import { env } from "@/lib/env"
import { writeEscortToken } from "@/lib/escort-app-session"
import { signInWithPhoneCode } from "@/lib/phone-code-sign-in"
import { publishableKeySource, withPublishableKey } from "@/lib/publishable-key"

export const dynamic = "force-dynamic"

const admission = createEscortAdmissionClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: withPublishableKey(
    commerceFetch,
    publishableKeySource({ configured: env.publishableKey, commerceUrl: env.medusaUrl })
  ),
})

/**
 * 陪诊员入驻 sign-in: `{ phone, code }` → commerce's applicant sign-in (any number may apply);
 * the token goes into the escort's httpOnly cookie, as for escorts at work.
 */
export async function POST(request: Request) {
  return signInWithPhoneCode(request, {
    signIn: (phone, code) => admission.signInApplicant(phone, code),
    keepToken: writeEscortToken,
    logLabel: "escort-app apply sign-in",
  })
}
