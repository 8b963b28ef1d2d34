/**
 * The consents an escort applicant gives before their details are collected (个人信息保护法
 * arts. 13, 14, 29): the privacy policy, processing of their personal information (name,
 * phone, city, location), and separately of their sensitive personal information (ID number,
 * face match, health certificate, background check). Each is a CMS page with a version.
 */
export const APPLICANT_CONSENT_KINDS = [
  "privacy_policy",
  "applicant_personal_info",
  "applicant_sensitive_info",
] as const
export type ApplicantConsentKind = (typeof APPLICANT_CONSENT_KINDS)[number]

export const APPLICANT_CONSENT_LABELS: Record<ApplicantConsentKind, string> = {
  privacy_policy: "隐私政策",
  applicant_personal_info: "陪诊员个人信息处理同意",
  applicant_sensitive_info: "陪诊员敏感个人信息处理同意",
}

/** The CMS page (GET /api/pages?filters[slug]=…) holding each kind's text. */
export const APPLICANT_CONSENT_PAGE_SLUGS: Record<ApplicantConsentKind, string> = {
  privacy_policy: "privacy-policy",
  applicant_personal_info: "consent-escort-applicant-personal-info",
  applicant_sensitive_info: "consent-escort-applicant-sensitive-info",
}

export const APPLICANT_CONSENT_DOCUMENTS = APPLICANT_CONSENT_KINDS.map((kind) => ({
  kind,
  label: APPLICANT_CONSENT_LABELS[kind],
  slug: APPLICANT_CONSENT_PAGE_SLUGS[kind],
}))

export type ApplicantConsentAcceptance = { kind: ApplicantConsentKind; version: string }

const VERSION = /^[\w.-]{1,32}$/

/** Why `consents` do not name every kind with a version, in Chinese; null when they do. */
export function applicantConsentsRefusal(value: unknown): string | null {
  const all = APPLICANT_CONSENT_KINDS.map((kind) => `「${APPLICANT_CONSENT_LABELS[kind]}」`)
  if (!Array.isArray(value)) return `请阅读并勾选同意：${all.join("、")}`
  const given = new Set<string>()
  for (const entry of value) {
    const kind = (entry as { kind?: unknown })?.kind
    const version = (entry as { version?: unknown })?.version
    if (typeof kind !== "string" || !(APPLICANT_CONSENT_KINDS as readonly string[]).includes(kind))
      return "同意项类型不正确"
    if (typeof version !== "string" || !VERSION.test(version)) {
      return `「${APPLICANT_CONSENT_LABELS[kind as ApplicantConsentKind]}」缺少有效的版本号`
    }
    given.add(kind)
  }
  const missing = APPLICANT_CONSENT_KINDS.filter((kind) => !given.has(kind))
  if (!missing.length) return null
  return `请阅读并勾选同意：${missing.map((kind) => `「${APPLICANT_CONSENT_LABELS[kind]}」`).join("、")}`
}

/**
 * Why the applicant may not give details yet: the kinds with no acceptance in force (never
 * given, or withdrawn), named in Chinese; null when every kind is accepted.
 */
export function applicantConsentsMissingMessage(inForce: { kind: string }[]): string | null {
  const missing = APPLICANT_CONSENT_KINDS.filter((kind) => !inForce.some((c) => c.kind === kind))
  if (!missing.length) return null
  return `请先阅读并同意${missing.map((kind) => `「${APPLICANT_CONSENT_LABELS[kind]}」`).join("、")}，再填写或提交入驻资料`
}
