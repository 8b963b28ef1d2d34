import { model } from "@medusajs/framework/utils"
import { MODERATION_CATEGORIES } from "../rules/moderation-categories"

/** One entry of the maintained sensitive-word list; staff add, change and switch them off. */
export const ModerationWord = model
  .define("moderation_word", {
    id: model.id({ prefix: "modw" }).primaryKey(),
    word: model.text(),
    category: model.enum([...MODERATION_CATEGORIES]),
    active: model.boolean().default(true),
  })
  .indexes([{ on: ["word"], unique: true, where: "deleted_at is null" }])
