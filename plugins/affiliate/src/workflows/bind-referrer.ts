import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "./steps/affiliate-service"
import { ensureFirstOrderNotPlacedStep } from "./steps/ensure-first-order-not-placed-step"

type Input = { customer_id: string; code: string }

const bindReferrerStep = createStep(
  "affiliate-bind-referrer",
  async (input: Input, { container }) => {
    return new StepResponse(await affiliateService(container).bindReferrer(input))
  }
)

/** Binds a member to the owner of a share code: once, never to oneself, never in a loop. */
export const bindReferrerWorkflow = createWorkflow("affiliate-bind-referrer", (input: Input) => {
  ensureFirstOrderNotPlacedStep({ customer_id: input.customer_id })
  return new WorkflowResponse(bindReferrerStep(input))
})
