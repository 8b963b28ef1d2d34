import type { Page } from "../cms/types"

/** The consents an escort booking needs, each a CMS page (kind 「consent」) with a version. */
export type EscortConsentKind =
  | "privacy_policy"
  | "personal_info"
  | "sensitive_personal_info"
  | "escort_sharing"

/** What a booking sends: each kind with the version of the text the member was shown. */
export type EscortConsentAcceptance = { kind: EscortConsentKind; version: string }

export type EscortConsentDocument = {
  kind: EscortConsentKind
  label: string
  /** The CMS page's slug: `/pages/<slug>` on the web, the legal page in the mini-program. */
  slug: string
}

/** In the order the booking form lists them (个人信息保护法: separate consent for sharing last). */
export const ESCORT_CONSENT_DOCUMENTS: EscortConsentDocument[] = [
  { kind: "privacy_policy", label: "隐私政策", slug: "privacy-policy" },
  { kind: "personal_info", label: "个人信息处理同意", slug: "consent-personal-info" },
  {
    kind: "sensitive_personal_info",
    label: "敏感个人信息处理同意",
    slug: "consent-sensitive-personal-info",
  },
  {
    kind: "escort_sharing",
    label: "向陪诊员提供就诊人信息的单独同意",
    slug: "consent-escort-sharing",
  },
]

/** A consent's published text as the booking form shows it; `version` null when unpublished. */
export type EscortConsentText = EscortConsentDocument & {
  title: string
  version: string | null
  /** The text in Markdown, as the editor wrote it. */
  body: string
}

/** Reads the four texts from the CMS (`getPage` of the CMS client), in form order. */
export async function loadEscortConsentTexts(
  getPage: (slug: string) => Promise<Page | null>
): Promise<EscortConsentText[]> {
  return Promise.all(
    ESCORT_CONSENT_DOCUMENTS.map(async (doc) => {
      const page = await getPage(doc.slug).catch(() => null)
      return {
        ...doc,
        title: page?.title ?? doc.label,
        version: page?.version ?? null,
        body: page?.body ?? "",
      }
    })
  )
}

/**
 * The acceptances a booking sends once the member ticked every box: the exact versions shown.
 * Null, with the Chinese reason, while a box is unticked or a text has no published version.
 */
export function escortConsentAcceptances(
  texts: EscortConsentText[],
  ticked: Partial<Record<EscortConsentKind, boolean>>
): { consents: EscortConsentAcceptance[] } | { refusal: string } {
  const unpublished = texts.find((text) => !text.version)
  if (unpublished) return { refusal: `「${unpublished.label}」暂未发布，暂时无法预约，请稍后再试` }
  const unticked = ESCORT_CONSENT_DOCUMENTS.filter((doc) => !ticked[doc.kind])
  if (unticked.length) {
    return {
      refusal: `请阅读并勾选同意：${unticked.map((doc) => `「${doc.label}」`).join("、")}`,
    }
  }
  return {
    consents: texts.map((text) => ({ kind: text.kind, version: text.version as string })),
  }
}
