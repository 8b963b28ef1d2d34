import { model } from "@medusajs/framework/utils"

/**
 * One archive item the member chose for an assessment: a lab (gene) report, an uploaded
 * hospital record, a constitution result or an escort service report (by its booking). The
 * expert may read it while the assessment's consent stands; the member may take it back.
 */
export const ArchiveAssessmentItem = model
  .define("archive_assessment_item", {
    id: model.id({ prefix: "asmti" }).primaryKey(),
    assessment_id: model.text(),
    customer_id: model.text(),
    item_type: model.enum(["report", "upload", "constitution", "escort_report"]),
    item_id: model.text(),
    /** The member's order: rows written in one transaction share created_at. */
    position: model.number().default(0),
    withdrawn_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["assessment_id", "item_type", "item_id"],
      unique: true,
      where: "deleted_at is null",
    },
  ])
