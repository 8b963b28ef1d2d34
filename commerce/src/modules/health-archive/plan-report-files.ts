import { KIT_STATUS_LABELS, KIT_TRANSITIONS, type KitStatus } from "../../lib/kits/kit-status"
import type { ReportReading } from "../../lib/reports/report-reading"

/** A staged file of a bulk upload, as recording reads it (locked, not yet done). */
export type StagedReportRow = {
  id: string
  size: number
  file_id: string
  key_id: string
  sha256: string
  reading: ReportReading
}

export type KitForReport = { id: string; customer_id: string; status: KitStatus; barcode: string }
export type ExistingReport = {
  id: string
  kit_id: string
  sha256: string
  batch_file_id: string | null
}

/** What recording does with one file; `note` is the kit timeline's note of a new report. */
export type ReportFilePlan =
  | { id: string; kind: "new"; kit: KitForReport; note: string | null }
  | { id: string; kind: "replay"; kit: KitForReport; report_id: string }
  | { id: string; kind: "refused"; code: string; message: string; barcode: string }

/**
 * Decides each file of a batch in upload order, as if they were recorded one after another:
 * a PDF already recorded for the kit (by another file, or earlier in this batch) is a
 * duplicate; a file whose own report exists (a replay) is done again without changes; a new
 * report needs the kit in a status the report step starts from, and moves it to 报告已出
 * (a second new report of the kit in the batch is 报告已更新, as it would be uploaded later).
 */
export function planReportFiles(
  files: StagedReportRow[],
  kits: KitForReport[],
  existing: ExistingReport[]
): ReportFilePlan[] {
  const kitByBarcode = new Map(kits.map((kit) => [kit.barcode, kit]))
  const statusOf = new Map(kits.map((kit) => [kit.id, kit.status]))
  const recorded = new Map(
    existing.map((report) => [`${report.kit_id}:${report.sha256}`, report.batch_file_id ?? ""])
  )
  const reportOf = new Map(
    existing.map((report) => [`${report.kit_id}:${report.sha256}`, report.id])
  )
  return files.map((file): ReportFilePlan => {
    const barcode = file.reading.barcode
    const refuse = (code: string, message: string): ReportFilePlan => ({
      id: file.id,
      kind: "refused",
      code,
      message,
      barcode,
    })
    const kit = kitByBarcode.get(barcode)
    if (!kit) return refuse("unmatched_barcode", `没有条码为 ${barcode} 的检测盒`)
    const key = `${kit.id}:${file.sha256}`
    const owner = recorded.get(key)
    if (owner !== undefined && owner !== file.id) {
      return refuse("duplicate", `该报告已上传过（检测盒 ${barcode}），未重复保存`)
    }
    if (owner === file.id)
      return { id: file.id, kind: "replay", kit, report_id: reportOf.get(key)! }
    const status = statusOf.get(kit.id)!
    if (!KIT_TRANSITIONS.report.from.includes(status)) {
      return refuse(
        "kit_not_ready",
        `检测盒 ${barcode} 当前为“${KIT_STATUS_LABELS[status]}”，请先在检测盒列表中确认接收样本`
      )
    }
    recorded.set(key, file.id)
    statusOf.set(kit.id, KIT_TRANSITIONS.report.to)
    return {
      id: file.id,
      kind: "new",
      kit,
      note: status === "report_ready" || status === "delivered" ? "报告已更新" : null,
    }
  })
}
