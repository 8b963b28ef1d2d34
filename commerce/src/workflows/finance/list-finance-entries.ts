import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  listFinanceEntriesStep,
  type ListFinanceEntriesInput,
} from "./steps/list-finance-entries-step"

/**
 * The drill-down of 财务统计: the orders, captures, refunds, credit lines, ledger entries or
 * withdrawals behind one figure, under the same period and filters, paged. Read-only.
 */
export const listFinanceEntriesWorkflow = createWorkflow(
  "list-finance-entries",
  (input: ListFinanceEntriesInput) => {
    return new WorkflowResponse(listFinanceEntriesStep(input))
  }
)
