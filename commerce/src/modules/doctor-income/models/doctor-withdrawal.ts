import { model } from "@medusajs/framework/utils"

/**
 * A doctor's request to take out available income. Finance either records a bank transfer
 * (`requested` or `approved` → `paid`, with its reference), or approves it and pays by WeChat
 * 商家转账: `approved` → `paying` while the bill waits for the doctor's confirmation, then
 * `paid` or `failed` (the amount goes back to the balance). `rejected` gives it back too.
 * A doctor has at most one open (requested, approved or paying) withdrawal at a time; the
 * partial unique index enforces it too.
 */
export const DoctorWithdrawal = model
  .define("doctor_withdrawal", {
    id: model.id({ prefix: "docwd" }).primaryKey(),
    doctor_id: model.text(),
    amount_fen: model.number(),
    status: model
      .enum(["requested", "approved", "paying", "paid", "rejected", "failed"])
      .default("requested"),
    method: model.enum(["bank", "wechat"]).nullable(),
    /** The bank transfer's reference, or the WeChat transfer bill's out_bill_no. */
    reference: model.text().nullable(),
    /** WeChat's last known bill state, and the package the doctor confirms receipt with. */
    transfer_state: model.text().nullable(),
    transfer_package: model.text().nullable(),
    fail_reason: model.text().nullable(),
    reject_reason: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    paid_by: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["doctor_id"],
      unique: true,
      where: "status in ('requested', 'approved', 'paying') and deleted_at is null",
    },
    { on: ["doctor_id", "created_at"] },
    { on: ["status", "created_at"] },
  ])
