import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_CASE_MODULE } from "../../modules/escort-case"
import type EscortCaseModuleService from "../../modules/escort-case/service"

export type FundGuaranteeInput = {
  amount_fen: number
  /** The client's key for this top-up: a retried request writes no second entry. */
  idempotency_key: string
  note: string
  staff_id: string
}

const fundGuaranteeStep = createStep(
  "fund-guarantee",
  async (input: FundGuaranteeInput, { container }) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    return new StepResponse(
      await cases.recordFundEntry({
        kind: "fund_in",
        amount_fen: input.amount_fen,
        idempotency_key: `fund_in:${input.idempotency_key}`,
        note: input.note,
        created_by: input.staff_id,
      })
    )
  }
)

/** Finance tops up the guarantee fund (POST /admin/guarantee-fund/entries). */
export const fundGuaranteeWorkflow = createWorkflow(
  "fund-guarantee",
  (input: FundGuaranteeInput) => new WorkflowResponse(fundGuaranteeStep(input))
)
