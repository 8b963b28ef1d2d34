import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"

export type RequestEscortWithdrawalInput = { escort_id: string; amount_fen: number }

const requestEscortWithdrawalStep = createStep(
  "request-escort-withdrawal",
  async (input: RequestEscortWithdrawalInput, { container }) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    const withdrawal = await income.requestWithdrawal(input.escort_id, input.amount_fen)
    return new StepResponse(withdrawal, withdrawal.id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
        .softDeleteEscortWithdrawals(id)
  }
)

/**
 * An escort asks to withdraw part or all of their available income (POST /escort/withdrawals).
 * The module takes the escort's lock and checks the balance in the same transaction, so of
 * two requests for the whole balance at once exactly one is accepted.
 */
export const requestEscortWithdrawalWorkflow = createWorkflow(
  "request-escort-withdrawal",
  (input: RequestEscortWithdrawalInput) => new WorkflowResponse(requestEscortWithdrawalStep(input))
)
