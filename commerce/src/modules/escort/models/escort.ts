import { model } from "@medusajs/framework/utils"

/** A 陪诊员 created by operations; signs in by phone (+86 form) at /auth/escort/phone. */
export const Escort = model
  .define("escort", {
    id: model.id({ prefix: "esc" }).primaryKey(),
    phone: model.text(),
    name: model.text(),
    city: model.text(),
    level: model.enum(["trainee", "silver", "gold"]).default("trainee"),
    base_location: model.text().nullable(),
    /** `applicant`: signed up through admission (陪诊员入驻), not yet approved by staff. */
    status: model.enum(["active", "suspended", "applicant"]).default("active"),
  })
  .indexes([{ on: ["phone"], unique: true }, { on: ["city"] }])
