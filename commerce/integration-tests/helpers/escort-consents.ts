/** The privacy policy and the three consents every escort booking accepts, at the versions shown. */
export const ESCORT_CONSENTS = [
  { kind: "privacy_policy", version: "2026-12" },
  { kind: "personal_info", version: "2026-12" },
  { kind: "sensitive_personal_info", version: "2026-12" },
  { kind: "escort_sharing", version: "2026-12" },
]
