import { model } from "@medusajs/framework/utils"
import {
  MODERATION_AUTHOR_TYPES,
  MODERATION_SOURCE_TYPES,
  MODERATION_STATUSES,
} from "../rules/moderation-categories"

/**
 * Something users wrote that waits for staff (the moderation queue): flagged by the word
 * filter or reported by a user. One row per piece of content; a later report of a decided
 * item puts it back in the queue. `text` is what the author wrote, `final_text` what is
 * shown after staff approved it (edited or not).
 */
export const ModerationItem = model
  .define("moderation_item", {
    id: model.id({ prefix: "modi" }).primaryKey(),
    source_type: model.enum([...MODERATION_SOURCE_TYPES]),
    source_id: model.text(),
    author_type: model.enum([...MODERATION_AUTHOR_TYPES]),
    author_id: model.text(),
    text: model.text(),
    status: model.enum([...MODERATION_STATUSES]).default("pending"),
    /** What the filter found: `{ category, word }[]`. */
    matches: model.json().default([] as never),
    /** Users' reports: `{ by: "member"|"escort", reason, at }[]` (no reporter ids shown). */
    reports: model.json().default([] as never),
    final_text: model.text().nullable(),
    decision_reason: model.text().nullable(),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["source_type", "source_id"], unique: true, where: "deleted_at is null" },
    { on: ["status", "created_at"] },
  ])
