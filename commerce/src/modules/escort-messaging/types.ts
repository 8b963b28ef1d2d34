export type MessageSender = "member" | "escort" | "staff"

export type EscortMessageRow = {
  id: string
  booking_id: string
  sender_type: MessageSender
  sender_id: string
  text_ciphertext: string | null
  key_id: string | null
  image_upload_id: string | null
  created_at: Date | string
}

/** A message as the contract answers it (issue #20, messaging). */
export type EscortMessageView = {
  id: string
  from: MessageSender
  text: string | null
  image_url: string | null
  created_at: string
}

export type EscortUploadRow = {
  id: string
  booking_id: string
  uploader_type: "member" | "escort"
  uploader_id: string
  mime_type: string
  size: number
  file_id: string
  key_id: string
  archived_upload_id: string | null
  created_at: Date | string
}

export type ServiceReportStep = { step: string; note: string }

export type NewServiceReport = {
  steps: ServiceReportStep[]
  doctor_advice: string
  document_upload_ids: string[]
}

export type ServiceReportRow = {
  id: string
  booking_id: string
  escort_id: string
  payload_ciphertext: string
  key_id: string
  document_upload_ids: string[]
  created_at: Date | string
}

/** The report as it reads, its documents with where to fetch each and whether it is archived. */
export type ServiceReportView = {
  id: string
  booking_id: string
  steps: ServiceReportStep[]
  doctor_advice: string
  documents: { id: string; image_url: string; archived_upload_id: string | null }[]
  created_at: string
}
