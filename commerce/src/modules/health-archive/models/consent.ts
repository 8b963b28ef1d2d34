import { model } from "@medusajs/framework/utils"

/**
 * A separate, recorded consent (testing, sample storage, research use) with the
 * version of the CMS text the member agreed to. Withdrawal keeps the record.
 */
export const Consent = model
  .define("consent", {
    id: model.id({ prefix: "cons" }).primaryKey(),
    customer_id: model.text().index(),
    kit_id: model.text().nullable(),
    kind: model.enum(["testing", "storage", "research"]),
    version: model.text(),
    signed_at: model.dateTime(),
    withdrawn_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["kit_id", "kind"] }])
