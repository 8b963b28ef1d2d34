import {
  LICENSE_DOCUMENT_LABELS,
  LICENSE_DOCUMENT_STATUS_LABELS,
} from "../../../modules/consultation/rules/license-document-kinds"
import type { DoctorLicenseDocumentRow } from "../../../modules/consultation/types"

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/** A licence document as the doctor and staff read it: never where or how it is sealed. */
export function presentLicenseDocument(doc: DoctorLicenseDocumentRow) {
  return {
    id: doc.id,
    kind: doc.kind,
    kind_label: LICENSE_DOCUMENT_LABELS[doc.kind],
    status: doc.status,
    status_label: LICENSE_DOCUMENT_STATUS_LABELS[doc.status],
    rejection_reason: doc.rejection_reason,
    mime_type: doc.mime_type,
    size: doc.size,
    reviewed_at: iso(doc.reviewed_at),
    created_at: iso(doc.created_at)!,
  }
}
