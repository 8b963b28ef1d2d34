import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { AudienceFilter } from "../../lib/marketing/audience-filter"
import {
  CmsJob,
  marketingPushPlanJobId,
  QUEUE_MODULE,
  QueueName,
  type JobQueue,
} from "../../lib/queue/jobs"
import { MARKETING_PUSH_MODULE } from "../../modules/marketing-push"
import type MarketingPushModuleService from "../../modules/marketing-push/service"
import { requirePushContent } from "./content/push-content"

export type CreateMarketingPushInput = {
  content_type: string
  content_ref?: string | null
  title: string
  body: string
  link?: string | null
  audience: AudienceFilter
  channels: string[]
  /** ISO time; now when absent or past. */
  send_at?: string | null
  created_by?: string | null
}

/** The content the push names still exists (404 in Chinese when it was deleted). */
const checkPushContentStep = createStep(
  "check-marketing-push-content",
  async (input: { content_type: string; content_ref?: string | null }, { container }) => {
    if (input.content_ref) {
      await requirePushContent(container, input.content_type, input.content_ref)
    }
    return new StepResponse(undefined)
  }
)

const createPushStep = createStep(
  "create-marketing-push",
  async (input: CreateMarketingPushInput, { container }) => {
    const pushes = container.resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
    const sendAt = input.send_at ? new Date(input.send_at) : new Date()
    const push = await pushes.createMarketingPushes({
      content_type: input.content_type,
      content_ref: input.content_ref ?? null,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      audience: input.audience as Record<string, unknown>,
      channels: [...new Set(input.channels)] as unknown as Record<string, unknown>,
      send_at: sendAt,
      created_by: input.created_by ?? null,
    })
    return new StepResponse(push, push.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container
      .resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
      .deleteMarketingPushes(id)
  }
)

/** The plan job, delayed to the push's time; the job id lets a cancel remove it. */
const schedulePushStep = createStep(
  "schedule-marketing-push",
  async (push: { id: string; send_at: Date }, { container }) => {
    const queue = container.resolve<JobQueue>(QUEUE_MODULE)
    const delay = Math.max(0, new Date(push.send_at).getTime() - Date.now())
    await queue.enqueue(
      QueueName.CMS,
      CmsJob.MARKETING_PUSH_PLAN,
      { push_id: push.id },
      { jobId: marketingPushPlanJobId(push.id), delay }
    )
    return new StepResponse(undefined, push.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container
      .resolve<JobQueue>(QUEUE_MODULE)
      .removeJob(QueueName.CMS, marketingPushPlanJobId(id))
  }
)

/** A marketer's push: recorded, then sent at its time by the CMS queue (cms-queue.ts). */
export const createMarketingPushWorkflow = createWorkflow(
  "create-marketing-push",
  (input: CreateMarketingPushInput) => {
    checkPushContentStep(input)
    const push = createPushStep(input)
    schedulePushStep(push)
    return new WorkflowResponse(push)
  }
)
