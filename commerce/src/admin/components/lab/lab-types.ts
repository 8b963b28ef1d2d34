import type { KitStatus } from "../../../lib/kits/kit-status"

/** A kit as GET /admin/health-archive/kits returns it (KitView plus masked customer contacts). */
export type AdminKit = {
  id: string
  barcode: string | null
  status: KitStatus
  status_label: string
  product_title: string
  variant_title: string | null
  order_id: string
  order_display_id: number | null
  collection_method: "mail_in" | "on_site"
  person: {
    id: string
    name: string
    sex: "female" | "male"
    birth_date: string
    relation_label: string
  } | null
  tracking: { carrier: string | null; number: string | null } | null
  rejection_reason: string | null
  report: {
    id: string
    lab: string | null
    issued_at: string | null
    viewed_at: string | null
  } | null
  timeline: { status: KitStatus; label: string; at: string; note: string | null }[]
  activated_at: string | null
  created_at: string
  customer: { id: string; phone_masked: string | null; email_masked: string | null }
}

export type KitList = { kits: AdminKit[]; count: number; limit: number; offset: number }

export type BatchFileStatus = "queued" | "processing" | "done" | "failed"

export type BatchFile = {
  id: string
  filename: string
  size: number
  status: BatchFileStatus
  error_code: string | null
  error_message: string | null
  barcode: string | null
  kit_id: string | null
  report_id: string | null
}

export type BatchCounts = {
  total: number
  queued: number
  processing: number
  done: number
  failed: number
}

export type ReportBatch = {
  id: string
  status: "processing" | "done"
  created_at: string
  counts: BatchCounts
  files?: BatchFile[]
}
