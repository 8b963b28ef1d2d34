import type { MedusaContainer } from "@medusajs/framework/types"
import { CmsJob, QUEUE_MODULE, QueueName, type JobQueue } from "../../lib/queue/jobs"
import { MARKETING_PUSH_MODULE } from "../../modules/marketing-push"
import type MarketingPushModuleService from "../../modules/marketing-push/service"
import { tagRequirements, type AudienceFilter } from "../../lib/marketing/audience-filter"
import { audienceCandidates, audienceMembers } from "./load-audience"

/**
 * Starts a push at its time: it moves from scheduled to sending (a canceled push stays
 * canceled and nothing goes out), then its SQL candidates are split into batch jobs in
 * id order. A retried plan makes the same batches, which BullMQ keeps once by job id.
 * `targeted` counts the members in the audience (tag filters checked, as the preview counts
 * them), not the SQL candidates: 推送中心 shows it beside the push.
 */
export async function planMarketingPush(
  container: MedusaContainer,
  pushId: string,
  batchSize: number
): Promise<{ skipped: string } | { batches: number; candidates: number }> {
  const pushes = container.resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
  const [push] = await pushes.listMarketingPushes({ id: pushId }, { take: 1 })
  if (!push) return { skipped: "no such push" }
  if (push.status === "canceled" || push.status === "sent") return { skipped: push.status }
  if (push.status === "scheduled" && !(await pushes.transition(pushId, "scheduled", "sending"))) {
    return { skipped: "canceled meanwhile" }
  }
  const queue = container.resolve<JobQueue>(QUEUE_MODULE)
  const audience = push.audience as unknown as AudienceFilter
  let after: string | null = null
  let batches = 0
  let candidates = 0
  let matched = 0
  const byTags = tagRequirements(audience).length > 0
  for (;;) {
    const ids = await audienceCandidates(container, audience, { after, take: batchSize })
    if (!ids.length) break
    after = ids[ids.length - 1]
    candidates += ids.length
    matched += byTags ? (await audienceMembers(container, audience, ids)).length : ids.length
    await queue.enqueue(
      QueueName.CMS,
      CmsJob.MARKETING_PUSH_BATCH,
      {
        push: {
          id: push.id,
          title: push.title,
          body: push.body,
          link: push.link ?? null,
          channels: push.channels as unknown as string[],
          audience: push.audience as Record<string, unknown>,
        },
        customer_ids: ids,
      },
      { jobId: `mpush-${push.id}-${ids[0]}-${after}` }
    )
    batches++
    if (ids.length < batchSize) break
  }
  await pushes.setTargeted(pushId, matched)
  await pushes.transition(pushId, "sending", "sent")
  return { batches, candidates }
}
