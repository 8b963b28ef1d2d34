import { model } from "@medusajs/framework/utils"
import { ReportBatch } from "./report-batch"

export const REPORT_FILE_STATUSES = ["queued", "processing", "done", "failed"] as const

/**
 * One file of a bulk upload and its progress. The file is staged encrypted and becomes
 * the report's file when it matches a kit; `reading` is what the PDF says, read before it
 * was sealed (summary and findings sealed too; see lib/reports/report-reading), cleared
 * once the report is recorded; timings feed the ingestion benchmark.
 */
export const ReportBatchFile = model
  .define("report_batch_file", {
    id: model.id({ prefix: "rbf" }).primaryKey(),
    batch: model.belongsTo(() => ReportBatch, { mappedBy: "files" }),
    filename: model.text(),
    size: model.number(),
    status: model.enum([...REPORT_FILE_STATUSES]).default("queued"),
    error_code: model.text().nullable(),
    error_message: model.text().nullable(),
    file_id: model.text().nullable(),
    key_id: model.text().nullable(),
    sha256: model.text().nullable(),
    barcode: model.text().nullable(),
    kit_id: model.text().nullable(),
    report_id: model.text().nullable(),
    reading: model.json().nullable(),
    timings: model.json().nullable(),
  })
  .indexes([{ on: ["status"] }])
