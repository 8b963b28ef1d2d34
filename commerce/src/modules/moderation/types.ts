import type {
  ModerationAuthorType,
  ModerationCategory,
  ModerationSourceType,
  ModerationStatus,
} from "./rules/moderation-categories"
import type { ScreenMatch } from "./rules/screen-text"

export type ModerationReport = { by: ModerationAuthorType; reason: string; at: string }

export type ModerationItemRow = {
  id: string
  source_type: ModerationSourceType
  source_id: string
  author_type: ModerationAuthorType
  author_id: string
  text: string
  status: ModerationStatus
  matches: ScreenMatch[]
  reports: ModerationReport[]
  final_text: string | null
  decision_reason: string | null
  decided_by: string | null
  decided_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
}

export type ModerationWordRow = {
  id: string
  word: string
  category: ModerationCategory
  active: boolean
  created_at: Date | string
}

/** The content an item is about, as its author wrote it. */
export type ModeratedContent = {
  source_type: ModerationSourceType
  source_id: string
  author_type: ModerationAuthorType
  author_id: string
  text: string
}

export type ModerationDecision =
  | { action: "approve"; staff_id: string; text?: string | null }
  | { action: "reject"; staff_id: string; reason: string }
