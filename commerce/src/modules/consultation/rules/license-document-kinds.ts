import type { DoctorLicenseKind } from "../types"

/** The documents a doctor uploads for admission, as staff and the doctor read them. */
export const LICENSE_DOCUMENT_LABELS: Record<DoctorLicenseKind, string> = {
  practice_license: "医师执业证书",
  qualification: "医师资格证书",
  title_certificate: "职称证书",
}

export const LICENSE_DOCUMENT_KINDS = Object.keys(LICENSE_DOCUMENT_LABELS) as DoctorLicenseKind[]

export const LICENSE_DOCUMENT_STATUS_LABELS = {
  pending: "待审核",
  approved: "已通过",
  rejected: "已驳回",
} as const
