import { model } from "@medusajs/framework/utils"

/**
 * One structured finding of a lab report (test item, gene, genotype or value, risk,
 * reference), kept next to the PDF. The finding itself is health data and is sealed;
 * only its place in the report and who recorded it are plain.
 */
export const LabReportFinding = model.define("lab_report_finding", {
  id: model.id({ prefix: "repf" }).primaryKey(),
  report_id: model.text().index(),
  customer_id: model.text().index(),
  position: model.number(),
  source: model.enum(["parser", "staff"]),
  actor_id: model.text().nullable(),
  key_id: model.text(),
  payload_ciphertext: model.text(),
})
