import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readCommissionStatementStep } from "./steps/read-commission-statement-step"

/** 分销对账单: one affiliate's figures and ledger lines for one month. Read-only. */
export const buildCommissionStatementWorkflow = createWorkflow(
  "build-commission-statement",
  (input: { affiliate_id: string; month: string }) => {
    return new WorkflowResponse(readCommissionStatementStep(input))
  }
)
