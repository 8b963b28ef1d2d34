import { MODERATION_CATEGORY_LABELS } from "../../../modules/moderation/rules/moderation-categories"
import type { ModerationWordRow } from "../../../modules/moderation/types"

/** A word of the list as staff read it, with its category in Chinese. */
export const presentModerationWord = (word: ModerationWordRow) => ({
  ...word,
  category_label: MODERATION_CATEGORY_LABELS[word.category],
})
