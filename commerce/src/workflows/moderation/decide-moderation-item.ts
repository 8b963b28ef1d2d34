import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_REVIEW_MODULE } from "../../modules/escort-review"
import type EscortReviewModuleService from "../../modules/escort-review/service"
import { MODERATION_MODULE } from "../../modules/moderation"
import { MODERATION_SOURCE_LABELS } from "../../modules/moderation/rules/moderation-categories"
import type ModerationModuleService from "../../modules/moderation/service"
import type { ModerationDecision, ModerationItemRow } from "../../modules/moderation/types"
import { moderationOutcomeNotice } from "../../notifications/moderation.zh-CN"
import { notifyMember } from "../../notifications/notify-member"
import { recomputeEscortLevelStep } from "../escort-income/recompute-escort-level"

export type DecideModerationItemInput = { item_id: string; decision: ModerationDecision }

/** Records the decision on a pending item (409 when decided already); undone to pending. */
const decideModerationItemStep = createStep(
  "decide-moderation-item",
  async (input: DecideModerationItemInput, { container }) => {
    const moderation = container.resolve<ModerationModuleService>(MODERATION_MODULE)
    const item = await moderation.decide(input.item_id, input.decision)
    return new StepResponse(item, item.id)
  },
  async (itemId, { container }) => {
    if (!itemId) return
    await container.resolve<ModerationModuleService>(MODERATION_MODULE).undoDecision(itemId)
  }
)

/**
 * The content follows the decision: an approved review shows (with the text as approved,
 * edited or not), a rejected one never does. Answers the escort whose rating may change.
 */
const applyModerationToContentStep = createStep(
  "apply-moderation-to-content",
  async (item: ModerationItemRow, { container }) => {
    if (item.source_type !== "escort_review") return new StepResponse(null, null)
    const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
    const before = await reviews.review(item.source_id)
    const after = await reviews.applyModeration(
      item.source_id,
      item.status === "approved"
        ? { moderation: "approved", shown_text: item.final_text || null }
        : { moderation: "rejected", rejected_reason: item.decision_reason }
    )
    return new StepResponse(
      {
        escort_id: after.author === "member" ? after.escort_id : null,
        booking_id: after.booking_id,
      },
      before
    )
  },
  async (before, { container }) => {
    if (!before) return
    await container
      .resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
      .applyModeration(before.id, {
        moderation: before.moderation === "clear" ? "pending" : before.moderation,
        shown_text: before.shown_text,
        rejected_reason: before.rejected_reason,
      })
  }
)

/** The member who wrote it hears the outcome in their inbox (escorts read it on the review). */
const tellAuthorStep = createStep(
  "tell-moderated-author",
  async (input: { item: ModerationItemRow; booking_id: string | null }, { container }) => {
    const { item } = input
    if (item.author_type !== "member") return new StepResponse(null)
    const edited = item.status === "approved" && (item.final_text ?? "") !== item.text
    await notifyMember(
      container,
      item.author_id,
      moderationOutcomeNotice({
        item_id: item.id,
        what: MODERATION_SOURCE_LABELS[item.source_type],
        outcome: item.status === "rejected" ? "rejected" : edited ? "edited" : "approved",
        reason: item.decision_reason,
        link: input.booking_id ? `/account/escort/${input.booking_id}` : null,
      })
    )
    return new StepResponse(null)
  }
)

/**
 * Staff approve (optionally with an edited text) or reject (with a reason) an item of the
 * moderation queue (POST /admin/moderation/items/:id/approve|reject): the content follows,
 * the escort's rating is recomputed when a member's review starts or stops counting, and
 * the author is told.
 */
export const decideModerationItemWorkflow = createWorkflow(
  "decide-moderation-item",
  (input: DecideModerationItemInput) => {
    const item = decideModerationItemStep(input)
    const applied = applyModerationToContentStep(item)
    recomputeEscortLevelStep(transform({ applied }, ({ applied }) => applied?.escort_id ?? null))
    tellAuthorStep(
      transform({ item, applied }, ({ item, applied }) => ({
        item,
        booking_id: applied?.booking_id ?? null,
      }))
    )
    return new WorkflowResponse(item)
  }
)
