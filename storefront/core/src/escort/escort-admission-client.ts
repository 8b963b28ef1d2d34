import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import type { ApplicantConsentDocument, ApplicantConsentKind } from "./applicant-consents"

const noStore = { cacheHint: "no-store" as const }

export type AdmissionDocumentKind =
  | "health_certificate"
  | "background_check"
  | "training_certificate"
  | "photo"

/** What an applicant uploads, in the order the apply page asks for them. */
export const ADMISSION_DOCUMENT_CHOICES: {
  kind: AdmissionDocumentKind
  label: string
  hint: string
}[] = [
  { kind: "health_certificate", label: "健康证", hint: "必填，在有效期内" },
  { kind: "background_check", label: "背景调查材料", hint: "必填，如无犯罪记录证明" },
  { kind: "training_certificate", label: "培训证书", hint: "选填，可上传多份" },
  { kind: "photo", label: "本人照片", hint: "选填，正面免冠" },
]

export type EscortAdmissionDocument = {
  id: string
  kind: AdmissionDocumentKind
  kind_label: string
  title: string | null
  status: "pending" | "approved" | "rejected"
  status_label: string
  rejection_reason: string | null
  expires_on: string | null
  mime_type: string
  size: number
  created_at: string
}

export type EscortApplication = {
  id: string
  escort_id: string
  status: "draft" | "submitted" | "approved" | "suspended"
  status_label: string
  real_name: string | null
  /** The ID number as commerce shows it: 4306**********1231, never in clear. */
  id_number_masked: string | null
  city: string | null
  base_location: string | null
  specialties: string[]
  verified: boolean
  submitted_at: string | null
  suspension_reason: string | null
  requirements: { code: string; label: string; met: boolean }[]
  documents: EscortAdmissionDocument[]
}

/** The applicant's consents: the texts to accept, what they accepted or withdrew. */
export type ApplicantConsents = {
  documents: ApplicantConsentDocument[]
  /** Every text accepted and none withdrawn: details may be given. */
  all_accepted: boolean
  consents: {
    id: string
    kind: ApplicantConsentKind
    label: string
    version: string
    accepted_at: string
    withdrawn_at: string | null
  }[]
}

export type EscortApplicationInput = {
  real_name: string
  id_number: string
  city: string
  base_location: string
  specialties: string[]
}

/**
 * 陪诊员入驻 (the escort app's apply pages): sign-in by phone + SMS code as an applicant, the
 * application, 实名认证, documents (JPEG/PNG/PDF) and submission. Every call takes the
 * applicant's token; the web passes "" because its relay adds it from the httpOnly cookie.
 */
export function createEscortAdmissionClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const send = <T>(path: string, token: string, body: unknown = {}) =>
    request<T>(path, { method: "POST", body: JSON.stringify(body), token, ...noStore })

  return {
    /** Phone + code → an escort token that opens the apply pages (any number may apply). */
    async signInApplicant(phone: string, code: string): Promise<string> {
      return (await send<{ token: string }>("/auth/escort/phone/apply", "", { phone, code })).token
    },

    async getConsents(token: string): Promise<ApplicantConsents> {
      return (
        await request<{ consents: ApplicantConsents }>("/escort/admission/consents", {
          token,
          ...noStore,
        })
      ).consents
    },

    /** The versions shown; a 409 names each text the CMS has changed since (reload and re-read). */
    async acceptConsents(
      token: string,
      consents: { kind: ApplicantConsentKind; version: string }[]
    ): Promise<ApplicantConsents> {
      return (
        await send<{ consents: ApplicantConsents }>("/escort/admission/consents", token, {
          consents,
        })
      ).consents
    },

    async withdrawConsent(token: string, consentId: string): Promise<ApplicantConsents> {
      return (
        await send<{ consents: ApplicantConsents }>(
          `/escort/admission/consents/${encodeURIComponent(consentId)}/withdraw`,
          token
        )
      ).consents
    },

    async getApplication(token: string): Promise<EscortApplication | null> {
      return (
        await request<{ application: EscortApplication | null }>("/escort/admission", {
          token,
          ...noStore,
        })
      ).application
    },

    async saveApplication(
      token: string,
      input: EscortApplicationInput
    ): Promise<EscortApplication> {
      return (await send<{ application: EscortApplication }>("/escort/admission", token, input))
        .application
    },

    /** 实名认证 of the saved name and ID number; a 400 carries the reason in Chinese. */
    async verifyIdentity(token: string, faceToken?: string): Promise<EscortApplication> {
      return (
        await send<{ application: EscortApplication }>(
          "/escort/admission/verify",
          token,
          faceToken ? { face_token: faceToken } : {}
        )
      ).application
    },

    /** One document (multipart `file`, `kind`, `title`?): JPEG, PNG or PDF, at most 10 MB. */
    async uploadDocument(
      token: string,
      kind: AdmissionDocumentKind,
      file: Blob,
      filename: string,
      title?: string
    ): Promise<EscortAdmissionDocument> {
      const form = new FormData()
      form.append("kind", kind)
      if (title) form.append("title", title)
      form.append("file", file, filename)
      return (
        await request<{ document: EscortAdmissionDocument }>("/escort/admission/documents", {
          method: "POST",
          body: form,
          token,
          ...noStore,
        })
      ).document
    },

    /** Where the mini-program's Taro.uploadFile sends a document (it has no FormData). */
    documentUploadTarget(token: string, kind: AdmissionDocumentKind) {
      return {
        url: `${options.baseUrl.replace(/\/$/, "")}/escort/admission/documents`,
        header: {
          "x-publishable-api-key": options.publishableKey,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        name: "file",
        formData: { kind },
      }
    },

    async submitApplication(token: string): Promise<EscortApplication> {
      return (await send<{ application: EscortApplication }>("/escort/admission/submit", token))
        .application
    },
  }
}

export type EscortAdmissionApi = ReturnType<typeof createEscortAdmissionClient>
