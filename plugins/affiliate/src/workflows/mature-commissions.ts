import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "./steps/affiliate-service"

type Input = { order_id: string; force?: boolean }

const matureOrderCommissionsStep = createStep(
  "affiliate-mature-order-commissions",
  async (input: Input, { container }) =>
    new StepResponse(
      await affiliateService(container).matureOrderCommissions(input.order_id, {
        force: input.force,
      })
    )
)

/** A paid order: pending → available after the hold since payment, or at once (`force`). */
export const matureOrderCommissionsWorkflow = createWorkflow(
  "affiliate-mature-order-commissions",
  (input: Input) => new WorkflowResponse(matureOrderCommissionsStep(input))
)
