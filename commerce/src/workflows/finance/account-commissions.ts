import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  readCommissionAccountsStep,
  type ReadCommissionAccountsInput,
} from "./steps/read-commission-accounts-step"

/** 分销核算 over a period: per affiliate, and in total, from the commission ledger. Read-only. */
export const accountCommissionsWorkflow = createWorkflow(
  "account-commissions",
  (input: ReadCommissionAccountsInput) => {
    return new WorkflowResponse(readCommissionAccountsStep(input))
  }
)
