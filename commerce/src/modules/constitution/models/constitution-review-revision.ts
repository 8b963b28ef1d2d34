import { model } from "@medusajs/framework/utils"

/**
 * One published version of a 养生评估报告, kept as the member read it: the first publish is
 * version 1, each 修订 adds the next. Rows are never changed, so a correction cannot
 * silently replace what the member saw. The text and the 修订说明 are sealed together
 * (both are advice about a person's health); who wrote it and when are not.
 */
export const ConstitutionReviewRevision = model
  .define("constitution_review_revision", {
    id: model.id({ prefix: "crevr" }).primaryKey(),
    review_id: model.text().index(),
    revision: model.number(),
    author_id: model.text(),
    expert_name: model.text().nullable(),
    /** `{ sections, reason }`; reason is null for the first publish. */
    payload_ciphertext: model.text(),
    key_id: model.text(),
    published_at: model.dateTime(),
  })
  .indexes([{ on: ["review_id", "revision"], unique: true }])
