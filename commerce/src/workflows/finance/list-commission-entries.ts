import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  readCommissionEntriesStep,
  type ReadCommissionEntriesInput,
} from "./steps/read-commission-entries-step"

/** The drill-down of 分销核算: the ledger lines and orders behind one figure. Read-only. */
export const listCommissionEntriesWorkflow = createWorkflow(
  "list-commission-entries",
  (input: ReadCommissionEntriesInput) => {
    return new WorkflowResponse(readCommissionEntriesStep(input))
  }
)
