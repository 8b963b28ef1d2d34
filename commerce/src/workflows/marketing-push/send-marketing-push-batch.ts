import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AudienceFilter } from "../../lib/marketing/audience-filter"
import type { MarketingPushBatchJob } from "../../lib/queue/jobs"
import { deliverMarketingPushStep } from "./steps/deliver-marketing-push-step"
import { loadMarketingAudienceStep } from "./steps/load-marketing-audience-step"

/**
 * One batch of a marketing push: the candidates the SQL matched are checked against the
 * tag filters, then each member gets the push once on each chosen channel.
 */
export const sendMarketingPushBatchWorkflow = createWorkflow(
  "send-marketing-push-batch",
  (input: MarketingPushBatchJob) => {
    const members = loadMarketingAudienceStep({
      audience: input.push.audience as unknown as AudienceFilter,
      customer_ids: input.customer_ids,
    })
    const result = deliverMarketingPushStep({ push: input.push, members })
    return new WorkflowResponse(result)
  }
)
