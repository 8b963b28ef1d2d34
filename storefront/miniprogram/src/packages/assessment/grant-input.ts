import { grantEndsAt, type AssessmentItemType, type GrantAssessmentInput } from "@health/core"
import { ASSESSMENT_TEXT, GRANT_DAYS } from "./assessment-text"

/** What the member filled in on 申请检测评估. */
export type GrantDraft = {
  doctorId: string | null
  question: string
  /** Chosen archive items as "type:id". */
  items: string[]
  days: number
  consent: boolean
}

const ITEM_TYPES: AssessmentItemType[] = ["report", "upload", "constitution", "escort_report"]

/**
 * The grant as commerce wants it, or the reason it is not ready (the web's grant form rules):
 * an expert, a question, at least one item, 1–90 days, and the separate consent ticked.
 */
export function grantInput(
  draft: GrantDraft,
  now = new Date()
): { input: GrantAssessmentInput } | { error: string } {
  const items = draft.items
    .map((value) => value.split(":"))
    .filter(
      (pair): pair is [AssessmentItemType, string] =>
        pair.length === 2 && ITEM_TYPES.includes(pair[0] as AssessmentItemType) && !!pair[1]
    )
    .map(([item_type, item_id]) => ({ item_type, item_id }))
  if (!draft.doctorId) return { error: ASSESSMENT_TEXT.pickDoctor }
  if (!draft.question.trim()) return { error: ASSESSMENT_TEXT.noQuestion }
  if (!items.length) return { error: ASSESSMENT_TEXT.pickItem }
  const days = draft.days
  if (!Number.isInteger(days) || days < GRANT_DAYS.min || days > GRANT_DAYS.max) {
    return { error: ASSESSMENT_TEXT.badDays }
  }
  if (!draft.consent) return { error: ASSESSMENT_TEXT.needConsent }
  return {
    input: {
      doctor_id: draft.doctorId,
      question: draft.question.trim(),
      ends_at: grantEndsAt(days, now),
      consent: true,
      items,
    },
  }
}
