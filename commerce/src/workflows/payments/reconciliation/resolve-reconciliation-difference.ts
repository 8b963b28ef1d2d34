import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveDifferenceStep, type ResolveDifferenceInput } from "./steps/resolve-difference-step"

/** Finance settles one reconciliation difference with a note. */
export const resolveReconciliationDifferenceWorkflow = createWorkflow(
  "resolve-reconciliation-difference",
  (input: ResolveDifferenceInput) => new WorkflowResponse(resolveDifferenceStep(input))
)
