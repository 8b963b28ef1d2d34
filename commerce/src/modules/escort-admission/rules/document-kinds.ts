export const ADMISSION_DOCUMENT_KINDS = [
  "health_certificate",
  "background_check",
  "training_certificate",
  "photo",
] as const

export type AdmissionDocumentKind = (typeof ADMISSION_DOCUMENT_KINDS)[number]

export const ADMISSION_DOCUMENT_LABELS: Record<AdmissionDocumentKind, string> = {
  health_certificate: "健康证",
  background_check: "背景调查材料",
  training_certificate: "培训证书",
  photo: "本人照片",
}

/** Kinds that staff must date when they approve them: their lapse suspends the escort. */
export const KINDS_NEEDING_EXPIRY: AdmissionDocumentKind[] = ["health_certificate"]
