import { model } from "@medusajs/framework/utils"

/** One line of a case's timeline (opened, assigned, a staff note, the decision, a claim…); never edited. */
export const EscortCaseNote = model
  .define("escort_case_note", {
    id: model.id({ prefix: "esccnote" }).primaryKey(),
    case_id: model.text(),
    kind: model.text(),
    /** The case's status after this line. */
    status: model.text(),
    body: model.text(),
    actor_id: model.text().nullable(),
  })
  .indexes([{ on: ["case_id", "created_at"] }])
