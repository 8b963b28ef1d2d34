import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  recordOfflineReceiptStep,
  type RecordOfflineReceiptInput,
} from "./steps/record-offline-receipt-step"

/** Finance gives the bank reference of an offline payment it confirmed. */
export const recordOfflineReceiptWorkflow = createWorkflow(
  "record-offline-receipt",
  (input: RecordOfflineReceiptInput) => new WorkflowResponse(recordOfflineReceiptStep(input))
)
