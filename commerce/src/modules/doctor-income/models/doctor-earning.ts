import { model } from "@medusajs/framework/utils"

/**
 * A doctor's income from one piece of work (one row per source): a completed consultation
 * (text, phone or video: the doctor's share of its price), a delivered 检测评估报告 or a held
 * group session (a fixed fee). It is `pending` until `release_at` (the hold), then
 * `available`; a refund of the consultation reverses it by `reversed_fen`, wholly (`reversed`)
 * or in part. A reversal after the money was withdrawn leaves the balance negative.
 */
export const DoctorEarning = model
  .define("doctor_earning", {
    id: model.id({ prefix: "docern" }).primaryKey(),
    source_type: model.enum(["consultation", "assessment", "group_session"]),
    source_id: model.text(),
    doctor_id: model.text(),
    kind: model.enum(["text", "phone", "video", "assessment", "group_session"]),
    /** What the member paid (0 for fixed-fee work). */
    price_fen: model.number(),
    /** The share of the price, or null for a fixed fee. */
    share_percent: model.number().nullable(),
    amount_fen: model.number(),
    reversed_fen: model.number().default(0),
    status: model.enum(["pending", "available", "reversed"]).default("pending"),
    /** When the work was done (completion, first report, session end). */
    earned_at: model.dateTime(),
    release_at: model.dateTime(),
    available_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["source_type", "source_id"], unique: true, where: "deleted_at is null" },
    { on: ["doctor_id", "created_at"] },
    { on: ["status", "release_at"] },
  ])
