import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"

export type RequestDoctorWithdrawalInput = { doctor_id: string; amount_fen: number }

const requestDoctorWithdrawalStep = createStep(
  "request-doctor-withdrawal",
  async (input: RequestDoctorWithdrawalInput, { container }) => {
    const income = container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
    const withdrawal = await income.requestWithdrawal(input.doctor_id, input.amount_fen)
    return new StepResponse(withdrawal, withdrawal.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE).dropWithdrawal(id)
    }
  }
)

/**
 * A doctor asks to withdraw part or all of their available income (POST
 * /doctor/income/withdrawals). The module takes the doctor's lock and checks the balance and
 * the open withdrawal in the same transaction, so of two requests at once exactly one is
 * accepted.
 */
export const requestDoctorWithdrawalWorkflow = createWorkflow(
  "request-doctor-withdrawal",
  (input: RequestDoctorWithdrawalInput) => new WorkflowResponse(requestDoctorWithdrawalStep(input))
)
