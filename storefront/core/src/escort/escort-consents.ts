import type { Page } from "../cms/types"
import {
  consentAcceptances,
  loadConsentTexts,
  type ConsentDocument,
  type ConsentText,
} from "./consent-texts"

/** The consents an escort booking needs, each a CMS page (kind 「consent」) with a version. */
export type EscortConsentKind =
  | "privacy_policy"
  | "personal_info"
  | "sensitive_personal_info"
  | "escort_sharing"

/** What a booking sends: each kind with the version of the text the member was shown. */
export type EscortConsentAcceptance = { kind: EscortConsentKind; version: string }

/** `slug`: the CMS page, `/pages/<slug>` on the web, the legal page in the mini-program. */
export type EscortConsentDocument = ConsentDocument<EscortConsentKind>

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
export type EscortConsentText = ConsentText<EscortConsentKind>

/** Reads the four texts from the CMS (`getPage` of the CMS client), in form order. */
export const loadEscortConsentTexts = (getPage: (slug: string) => Promise<Page | null>) =>
  loadConsentTexts(ESCORT_CONSENT_DOCUMENTS, getPage)

/**
 * The acceptances a booking sends once the member ticked every box: the exact versions shown.
 * The Chinese reason instead while a box is unticked or a text has no published version.
 */
export const escortConsentAcceptances = (
  texts: EscortConsentText[],
  ticked: Partial<Record<EscortConsentKind, boolean>>
): { consents: EscortConsentAcceptance[] } | { refusal: string } =>
  consentAcceptances(texts, ticked, "预约")
