import { loadApplicantConsentTexts } from "@health/core"
import type { Metadata } from "next"
import { EscortSignInForm } from "@/components/escort-app/escort-sign-in-form"
import { cms } from "@/lib/backends"
import { readEscortToken } from "@/lib/escort-app-session"
import { EscortApplyForm } from "./escort-apply-form"

export const metadata: Metadata = { title: "陪诊员入驻申请" }

const APPLY_SIGN_IN = {
  codeUrl: "/api/escort-app/sms-code",
  sessionUrl: "/api/escort-app/apply-session",
  home: "/escort-app/apply",
  phonePlaceholder: "本人实名登记的 11 位手机号",
  notice: "提交实名信息与健康证、背景调查等材料，审核通过后即可接单。",
  testId: "escort-apply-sign-in",
}

/**
 * 陪诊员入驻: sign in with phone + SMS code, accept the privacy policy and consents, then fill in the application, verify the real
 * name, upload the documents and submit them for review.
 */
export default async function EscortApplyPage() {
  const signedIn = !!(await readEscortToken())
  // The privacy policy and consents at their published versions, accepted before any detail.
  const consentTexts = signedIn ? await loadApplicantConsentTexts((slug) => cms.getPage(slug)) : []
  return (
    <section className="narrow" data-testid="escort-apply-page">
      <h1>陪诊员入驻申请</h1>
      {signedIn ? (
        <EscortApplyForm consentTexts={consentTexts} />
      ) : (
        <EscortSignInForm target={APPLY_SIGN_IN} />
      )}
    </section>
  )
}
