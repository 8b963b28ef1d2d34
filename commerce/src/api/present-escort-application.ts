import type EscortAdmissionModuleService from "../modules/escort-admission/service"
import {
  unmetRequirements,
  ADMISSION_REQUIREMENTS,
} from "../modules/escort-admission/rules/admission-requirements"
import { beijingDate } from "../modules/escort-admission/rules/beijing-date"
import { ADMISSION_DOCUMENT_LABELS } from "../modules/escort-admission/rules/document-kinds"
import type { AdmissionDocumentRow, EscortApplicationRow } from "../modules/escort-admission/types"

const STATUS_LABELS = {
  draft: "待提交",
  submitted: "待审核",
  approved: "已通过",
  suspended: "已暂停",
} as const

const DOCUMENT_STATUS_LABELS = {
  pending: "待审核",
  approved: "已通过",
  rejected: "已驳回",
} as const

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

export function presentAdmissionDocument(doc: AdmissionDocumentRow) {
  return {
    id: doc.id,
    kind: doc.kind,
    kind_label: ADMISSION_DOCUMENT_LABELS[doc.kind],
    title: doc.title,
    status: doc.status,
    status_label: DOCUMENT_STATUS_LABELS[doc.status],
    rejection_reason: doc.rejection_reason,
    expires_on: doc.expires_on,
    mime_type: doc.mime_type,
    size: Number(doc.size),
    reviewed_at: iso(doc.reviewed_at),
    created_at: iso(doc.created_at),
  }
}

/** An application as the applicant and staff see it: the ID number masked, never in clear. */
export async function presentEscortApplication(
  admission: EscortAdmissionModuleService,
  application: EscortApplicationRow,
  now = new Date()
) {
  const documents = await admission.documentsOf(application.id)
  const unmet = new Set(
    unmetRequirements(await admission.admissionState(application.id), beijingDate(now)).map(
      (requirement) => requirement.code
    )
  )
  return {
    id: application.id,
    escort_id: application.escort_id,
    status: application.status,
    status_label: STATUS_LABELS[application.status],
    real_name: application.real_name,
    id_number_masked: application.id_number_masked,
    city: application.city,
    base_location: application.base_location,
    specialties: application.specialties ?? [],
    verified: !!application.verified_at,
    verified_at: iso(application.verified_at),
    submitted_at: iso(application.submitted_at),
    activated_at: iso(application.activated_at),
    suspended_at: iso(application.suspended_at),
    suspension_reason: application.suspension_reason,
    requirements: ADMISSION_REQUIREMENTS.map((requirement) => ({
      code: requirement.code,
      label: requirement.label,
      met: !unmet.has(requirement.code),
    })),
    documents: documents.map(presentAdmissionDocument),
  }
}
