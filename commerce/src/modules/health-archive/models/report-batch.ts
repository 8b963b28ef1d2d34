import { model } from "@medusajs/framework/utils"
import { ReportBatchFile } from "./report-batch-file"

/** One bulk upload of lab reports by a staff member. */
export const ReportBatch = model.define("report_batch", {
  id: model.id({ prefix: "rbat" }).primaryKey(),
  created_by: model.text().nullable(),
  files: model.hasMany(() => ReportBatchFile, { mappedBy: "batch" }),
})
