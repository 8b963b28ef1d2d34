import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_CASE_MODULE } from "../../modules/escort-case"
import type EscortCaseModuleService from "../../modules/escort-case/service"
import type { ClaimCallback } from "../../modules/escort-case/insurers/insurer-provider"

const CLAIM_LABELS = { approved: "已核准", rejected: "已拒赔", paid: "已赔付" } as const

/**
 * The insurer's verified word on a claim. A claim paid writes the fund's
 * recovery_from_insurer entry under the claim's key; the insurer's retries of the same
 * callback change nothing. Answers null for a claim we do not know.
 */
const applyInsurerCallbackStep = createStep(
  "apply-insurer-callback",
  async (input: { provider: string; callback: ClaimCallback }, { container }) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    const { callback } = input
    const moved = await cases.moveClaim({
      provider: input.provider,
      claim_no: callback.claim_no,
      status: callback.status,
      paid_fen: callback.paid_fen,
      reason: callback.reason,
    })
    if (!moved) return new StepResponse(null)
    const { claim } = moved
    if (claim.status === "paid" && (claim.paid_fen ?? 0) > 0) {
      await cases.recordFundEntry({
        kind: "recovery_from_insurer",
        amount_fen: claim.paid_fen!,
        idempotency_key: `claim:${claim.id}:paid`,
        case_id: claim.case_id,
        note: `保险理赔到账（理赔号 ${claim.claim_no}）`,
      })
    }
    if (moved.changed) {
      const amount = claim.paid_fen ? ` ¥${(claim.paid_fen / 100).toFixed(2)}` : ""
      await cases.noteCase({
        case_id: claim.case_id,
        kind: `claim_${claim.status}`,
        body: `保险理赔${CLAIM_LABELS[callback.status]}${amount}${claim.reason ? `：${claim.reason}` : ""}`,
        actor_id: null,
      })
    }
    return new StepResponse(claim)
  }
)

export const applyInsurerCallbackWorkflow = createWorkflow(
  "apply-insurer-callback",
  (input: { provider: string; callback: ClaimCallback }) =>
    new WorkflowResponse(applyInsurerCallbackStep(input))
)
