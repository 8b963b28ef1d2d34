import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FinancePeriod } from "./finance-period"
import { summarizeFinanceStep } from "./steps/summarize-finance-step"

/**
 * 财务统计: orders, money paid and refunded, store credit spent, commissions net of
 * reversals and withdrawals paid over a period of Beijing dates, optionally broken down.
 * Read-only; figures in integer fen.
 */
export const summarizeFinanceWorkflow = createWorkflow(
  "summarize-finance",
  (input: FinancePeriod) => {
    return new WorkflowResponse(summarizeFinanceStep(input))
  }
)
