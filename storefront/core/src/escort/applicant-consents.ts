import type { Page } from "../cms/types"
import {
  consentAcceptances,
  loadConsentTexts,
  type ConsentDocument,
  type ConsentText,
} from "./consent-texts"

/** The consents an escort applicant gives before their details (陪诊员入驻), each a CMS page. */
export type ApplicantConsentKind =
  | "privacy_policy"
  | "applicant_personal_info"
  | "applicant_sensitive_info"

export type ApplicantConsentDocument = ConsentDocument<ApplicantConsentKind>

/** In the order the apply page lists them (the same as commerce's). */
export const APPLICANT_CONSENT_DOCUMENTS: ApplicantConsentDocument[] = [
  { kind: "privacy_policy", label: "隐私政策", slug: "privacy-policy" },
  {
    kind: "applicant_personal_info",
    label: "陪诊员个人信息处理同意",
    slug: "consent-escort-applicant-personal-info",
  },
  {
    kind: "applicant_sensitive_info",
    label: "陪诊员敏感个人信息处理同意",
    slug: "consent-escort-applicant-sensitive-info",
  },
]

/** A consent's published text as the apply page shows it; `version` null when unpublished. */
export type ApplicantConsentText = ConsentText<ApplicantConsentKind>

/** Where the web shows a legal page's full text. */
export const legalPageHref = (slug: string) =>
  slug === "privacy-policy" ? "/privacy" : `/pages/${encodeURIComponent(slug)}`

/** Reads the three texts from the CMS (`getPage` of the CMS client), in page order. */
export const loadApplicantConsentTexts = (getPage: (slug: string) => Promise<Page | null>) =>
  loadConsentTexts(APPLICANT_CONSENT_DOCUMENTS, getPage)

/** What the apply page sends once every box is ticked, or the Chinese reason it cannot. */
export const applicantConsentAcceptances = (
  texts: ApplicantConsentText[],
  ticked: Partial<Record<ApplicantConsentKind, boolean>>
) => consentAcceptances(texts, ticked, "申请")
