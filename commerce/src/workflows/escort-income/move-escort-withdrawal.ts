import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"

export type MoveEscortWithdrawalInput = {
  withdrawal_id: string
  action:
    | { kind: "approve"; staff_id: string }
    | { kind: "reject"; staff_id: string; reason: string }
    | { kind: "pay"; staff_id: string; reference: string }
}

const moveEscortWithdrawalStep = createStep(
  "move-escort-withdrawal",
  async (input: MoveEscortWithdrawalInput, { container }) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    return new StepResponse(await income.moveWithdrawal(input.withdrawal_id, input.action))
  }
)

/**
 * Finance approves, rejects (the amount returns to the balance) or records the bank
 * transfer that paid an escort's withdrawal. Each moves only from its starting state, so a
 * double click or a retried request changes nothing twice.
 */
export const moveEscortWithdrawalWorkflow = createWorkflow(
  "move-escort-withdrawal",
  (input: MoveEscortWithdrawalInput) => new WorkflowResponse(moveEscortWithdrawalStep(input))
)
