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
