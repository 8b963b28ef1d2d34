import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AudienceFilter } from "../../../lib/marketing/audience-filter"
import { audienceMembers } from "../load-audience"

/** The batch's candidates that are in the push's audience (reads only). */
export const loadMarketingAudienceStep = createStep(
  "load-marketing-audience",
  async (input: { audience: AudienceFilter; customer_ids: string[] }, { container }) =>
    new StepResponse(await audienceMembers(container, input.audience, input.customer_ids))
)
