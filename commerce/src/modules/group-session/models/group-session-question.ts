import { model } from "@medusajs/framework/utils"
import { QUESTION_STATUSES } from "../rules/question-status"

/**
 * A member's question in a session's room. It waits (`pending`) until a moderator (the
 * session's expert or 内容审核 staff) approves it for the room or rejects it; the expert
 * answers approved ones. Nothing is deleted: the room's history stays.
 */
export const GroupSessionQuestion = model
  .define("group_session_question", {
    id: model.id({ prefix: "gsq" }).primaryKey(),
    session_id: model.text(),
    customer_id: model.text(),
    seat: model.number(),
    text: model.text(),
    status: model.enum([...QUESTION_STATUSES]).default("pending"),
    decided_by_type: model.enum(["doctor", "staff"]).nullable(),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    reject_reason: model.text().nullable(),
    answer: model.text().nullable(),
    answered_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["session_id", "status", "created_at"] },
    { on: ["session_id", "customer_id", "created_at"] },
  ])
