import { model } from "@medusajs/framework/utils"

/**
 * A lab PDF report of a kit. The file lives encrypted in Medusa's file module; its
 * parsed summary is sealed here. sha256 is of the plain PDF, to spot re-uploads.
 */
export const LabReport = model
  .define("lab_report", {
    id: model.id({ prefix: "rep" }).primaryKey(),
    kit_id: model.text().index(),
    customer_id: model.text().index(),
    file_id: model.text(),
    key_id: model.text(),
    size: model.number(),
    sha256: model.text(),
    summary_ciphertext: model.text(),
    lab: model.text().nullable(),
    issued_at: model.dateTime().nullable(),
    batch_file_id: model.text().nullable(),
    viewed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["kit_id", "sha256"], unique: true },
    // 数据统计's report turnaround reads the reports first viewed in a period.
    { on: ["viewed_at"], where: "viewed_at IS NOT NULL" },
  ])
