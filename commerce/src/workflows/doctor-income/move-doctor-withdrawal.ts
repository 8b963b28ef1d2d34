import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"

export type MoveDoctorWithdrawalInput = {
  withdrawal_id: string
  action:
    | { kind: "approve"; staff_id: string }
    | { kind: "pay"; staff_id: string; reference: string }
    | { kind: "reject"; staff_id: string; reason: string }
}

const moveDoctorWithdrawalStep = createStep(
  "move-doctor-withdrawal",
  async (input: MoveDoctorWithdrawalInput, { container }) => {
    const income = container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
    const { withdrawal, changed, before } = await income.moveWithdrawal(
      input.withdrawal_id,
      input.action
    )
    return new StepResponse(
      withdrawal,
      changed ? { id: withdrawal.id, from: withdrawal.status, to: before } : null
    )
  },
  async (moved, { container }) => {
    if (moved) {
      await container
        .resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
        .undoMoveWithdrawal(moved)
    }
  }
)

/**
 * Finance approves a doctor's withdrawal (to pay it by WeChat 商家转账), records the bank
 * transfer that paid it, or rejects it (the amount returns to the balance). Each moves only
 * from the states it starts from, so a double click or a retried request changes nothing twice.
 */
export const moveDoctorWithdrawalWorkflow = createWorkflow(
  "move-doctor-withdrawal",
  (input: MoveDoctorWithdrawalInput) => new WorkflowResponse(moveDoctorWithdrawalStep(input))
)
