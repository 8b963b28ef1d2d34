import type { KitView } from "../../../modules/health-archive/types"

/** A kit as GET /admin/health-archive/kits returns it (KitView plus masked customer contacts). */
export type AdminKit = KitView & {
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
