import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import {
  marketingPushPlanJobId,
  QUEUE_MODULE,
  QueueName,
  type JobQueue,
} from "../../lib/queue/jobs"
import { MARKETING_PUSH_MODULE } from "../../modules/marketing-push"
import type MarketingPushModuleService from "../../modules/marketing-push/service"

/**
 * Cancels a push that has not started. The status change is the guard (the plan job makes
 * the same scheduled → sending change, so exactly one of them wins); the delayed job is
 * removed as well, and would find the push canceled if it ran anyway.
 */
const cancelPushStep = createStep(
  "cancel-marketing-push",
  async ({ id }: { id: string }, { container }) => {
    const pushes = container.resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
    const [push] = await pushes.listMarketingPushes({ id }, { take: 1 })
    if (!push) throw new MedusaError(MedusaError.Types.NOT_FOUND, "推送不存在")
    if (!(await pushes.transition(id, "scheduled", "canceled"))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "推送已开始发送或已取消，无法取消")
    }
    await container
      .resolve<JobQueue>(QUEUE_MODULE)
      .removeJob(QueueName.CMS, marketingPushPlanJobId(id))
    return new StepResponse({ id, status: "canceled" as const })
  }
)

export const cancelMarketingPushWorkflow = createWorkflow(
  "cancel-marketing-push",
  (input: { id: string }) => new WorkflowResponse(cancelPushStep(input))
)
