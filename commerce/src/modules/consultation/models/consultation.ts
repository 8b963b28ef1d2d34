import { model } from "@medusajs/framework/utils"

/**
 * One consultation a member asks a doctor. The question and the advice note are health data,
 * sealed. Each status change sets its own timestamp, so the timeline is read from the row.
 */
export const Consultation = model
  .define("consultation", {
    id: model.id({ prefix: "cons" }).primaryKey(),
    customer_id: model.text(),
    doctor_id: model.text(),
    mode: model.enum(["text", "phone", "video"]),
    status: model.enum([
      "pending_payment",
      "awaiting_doctor",
      "in_progress",
      "completed",
      "cancelled",
      "refunded",
    ]),
    question_ciphertext: model.text(),
    key_id: model.text(),
    price_fen: model.number(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    answer_due_at: model.dateTime().nullable(),
    accepted_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    refunded_at: model.dateTime().nullable(),
    refund_fen: model.number().nullable(),
    refund_reason: model.text().nullable(),
    advice_ciphertext: model.text().nullable(),
    advice_key_id: model.text().nullable(),
    advice_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["customer_id", "created_at"] },
    { on: ["doctor_id", "status"] },
    { on: ["status", "answer_due_at"] },
  ])
