import type { KitView } from "../../../modules/health-archive/types"

/**
 * A kit as GET /admin/health-archive/kits returns it (KitView plus masked customer contacts
 * and its order's payment state: an offline order's kit ships once finance captured it).
 */
export type AdminKit = KitView & {
  customer: { id: string; phone_masked: string | null; email_masked: string | null }
  payment_status?: "captured" | "authorized" | "not_paid" | "canceled" | null
  payment_offline?: boolean
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
