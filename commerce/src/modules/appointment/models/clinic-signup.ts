import { model } from "@medusajs/framework/utils"
import { CLINIC_SIGNUP_STATUSES } from "../rules/appointment-status"

/**
 * A member's sign-up for an offline clinic session (线下义诊) published in the CMS.
 * Over capacity a sign-up waits (waitlisted) and is promoted in order of `queued_at`
 * when a place frees up.
 */
export const ClinicSignup = model
  .define("clinic_signup", {
    id: model.id({ prefix: "csu" }).primaryKey(),
    /** The CMS clinic session's documentId. */
    session_id: model.text(),
    customer_id: model.text().index(),
    session_title: model.text(),
    session_starts_at: model.dateTime(),
    session_place: model.text().nullable(),
    status: model.enum([...CLINIC_SIGNUP_STATUSES]),
    /** Taken under the session's lock, so the waitlist order is the order members came in. */
    queued_at: model.dateTime(),
    promoted_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["session_id", "status", "queued_at"] },
    {
      on: ["session_id", "customer_id"],
      unique: true,
      where: "status IN ('confirmed', 'waitlisted')",
    },
  ])
