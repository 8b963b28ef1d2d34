/**
 * The consents an escort booking needs (个人信息保护法 arts. 13, 14, 23, 29): the privacy
 * policy, processing of personal information, processing of sensitive personal information
 * (health and ID number), and the separate consent to give the person's details to the escort.
 * Each kind's text is a CMS page (kind 「consent」) whose slug is below; the member accepts the
 * exact version they were shown.
 */
export const ESCORT_CONSENT_KINDS = [
  "privacy_policy",
  "personal_info",
  "sensitive_personal_info",
  "escort_sharing",
] as const
export type EscortConsentKind = (typeof ESCORT_CONSENT_KINDS)[number]

export const ESCORT_CONSENT_LABELS: Record<EscortConsentKind, string> = {
  privacy_policy: "隐私政策",
  personal_info: "个人信息处理同意",
  sensitive_personal_info: "敏感个人信息处理同意",
  escort_sharing: "向陪诊员提供就诊人信息的单独同意",
}

/** The CMS page holding each kind's text (GET /api/pages?filters[slug]=…). */
export const ESCORT_CONSENT_PAGE_SLUGS: Record<EscortConsentKind, string> = {
  privacy_policy: "privacy-policy",
  personal_info: "consent-personal-info",
  sensitive_personal_info: "consent-sensitive-personal-info",
  escort_sharing: "consent-escort-sharing",
}

/** Each kind with its name and CMS page, as the version check reads them. */
export const ESCORT_CONSENT_DOCUMENTS = ESCORT_CONSENT_KINDS.map((kind) => ({
  kind,
  label: ESCORT_CONSENT_LABELS[kind],
  slug: ESCORT_CONSENT_PAGE_SLUGS[kind],
}))

/** What is recorded of an acceptance: the kind and the version of the text shown. */
export type EscortConsentAcceptance = { kind: EscortConsentKind; version: string }

export const isEscortConsentKind = (kind: string): kind is EscortConsentKind =>
  (ESCORT_CONSENT_KINDS as readonly string[]).includes(kind)

const VERSION = /^[\w.-]{1,32}$/

/**
 * Why a booking's `consents` do not cover every kind with a version, in Chinese (naming what
 * is missing); null when they do. Each entry is `{ kind, version }`.
 */
export function escortConsentsRefusal(value: unknown): string | null {
  if (!Array.isArray(value)) {
    return "请阅读并勾选同意隐私政策、个人信息处理同意、敏感个人信息处理同意和向陪诊员提供就诊人信息的单独同意"
  }
  const given = new Map<string, string>()
  for (const entry of value) {
    const kind = (entry as { kind?: unknown })?.kind
    const version = (entry as { version?: unknown })?.version
    if (typeof kind !== "string" || !isEscortConsentKind(kind)) return "同意项类型不正确"
    if (typeof version !== "string" || !VERSION.test(version)) {
      return `「${ESCORT_CONSENT_LABELS[kind]}」缺少有效的版本号`
    }
    given.set(kind, version)
  }
  const missing = ESCORT_CONSENT_KINDS.filter((kind) => !given.has(kind))
  if (!missing.length) return null
  return `预约陪诊前请阅读并同意：${missing.map((kind) => `「${ESCORT_CONSENT_LABELS[kind]}」`).join("、")}`
}
