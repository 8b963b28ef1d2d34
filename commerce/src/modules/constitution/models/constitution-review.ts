import { model } from "@medusajs/framework/utils"

/**
 * An expert's 养生评估报告 on one constitution result: a draft only staff see until it is
 * published to the member. Its text is health advice about a person, so it is sealed
 * like the result itself; the expert's display name is not.
 */
export const ConstitutionReview = model
  .define("constitution_review", {
    id: model.id({ prefix: "crev" }).primaryKey(),
    /** One report per result. */
    assessment_id: model.text().unique(),
    customer_id: model.text().index(),
    status: model.enum(["draft", "published"]).default("draft"),
    /** The staff user who last wrote it. */
    author_id: model.text(),
    expert_name: model.text().nullable(),
    payload_ciphertext: model.text(),
    key_id: model.text(),
    /** When it was first published to the member. */
    published_at: model.dateTime().nullable(),
    /** The published version the text is (0 while a draft); see constitution_review_revision. */
    revision: model.number().default(0),
    revised_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status", "updated_at"] }])
