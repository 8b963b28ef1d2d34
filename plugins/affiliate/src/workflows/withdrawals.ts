import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "./steps/affiliate-service"

export type RequestWithdrawalInput = {
  customer_id: string
  amount: number
  method: "wechat" | "bank"
  payee?: Record<string, unknown> | null
  request_key: string
}

const requestWithdrawalStep = createStep(
  "affiliate-request-withdrawal",
  async (input: RequestWithdrawalInput, { container }) =>
    new StepResponse(await affiliateService(container).requestWithdrawal(input))
)

/** Holds part of the available balance for a payout that staff then review. */
export const requestWithdrawalWorkflow = createWorkflow(
  "affiliate-request-withdrawal",
  (input: RequestWithdrawalInput) => new WorkflowResponse(requestWithdrawalStep(input))
)

export type ReviewWithdrawalInput = {
  withdrawal_id: string
  action: "approve" | "reject" | "pay"
  staff_id: string
  reason?: string
  payout_reference?: string
}

const reviewWithdrawalStep = createStep(
  "affiliate-review-withdrawal",
  async (input: ReviewWithdrawalInput, { container }) =>
    new StepResponse(await affiliateService(container).reviewWithdrawal(input))
)

/** Staff approve, reject (the money returns to available) or mark a withdrawal paid. */
export const reviewWithdrawalWorkflow = createWorkflow(
  "affiliate-review-withdrawal",
  (input: ReviewWithdrawalInput) => new WorkflowResponse(reviewWithdrawalStep(input))
)

/**
 * Marks an approved WeChat withdrawal as paying under the transfer bill's number; if a
 * later step fails (WeChat refused the bill), it goes back to approved.
 */
export const startWithdrawalTransferStep = createStep(
  "affiliate-start-withdrawal-transfer",
  async (input: { withdrawal_id: string; staff_id: string; out_bill_no: string }, { container }) =>
    new StepResponse(await affiliateService(container).startTransfer(input), input.withdrawal_id),
  async (withdrawalId, { container }) => {
    if (withdrawalId) await affiliateService(container).abandonTransfer(withdrawalId)
  }
)

export const recordWithdrawalTransferStep = createStep(
  "affiliate-record-withdrawal-transfer",
  async (
    input: { withdrawal_id: string; state: string; package_info?: string | null },
    { container }
  ) => {
    await affiliateService(container).recordTransferState(input)
    return new StepResponse(input.state)
  }
)

export type SettleWithdrawalTransferInput = {
  withdrawal_id: string
  succeeded: boolean
  state: string
  reason?: string | null
}

const settleWithdrawalTransferStep = createStep(
  "affiliate-settle-withdrawal-transfer",
  async (input: SettleWithdrawalTransferInput, { container }) =>
    new StepResponse(await affiliateService(container).settleTransfer(input))
)

/** A WeChat transfer's final outcome: paid, or failed with the money back. Idempotent. */
export const settleWithdrawalTransferWorkflow = createWorkflow(
  "affiliate-settle-withdrawal-transfer",
  (input: SettleWithdrawalTransferInput) =>
    new WorkflowResponse(settleWithdrawalTransferStep(input))
)
