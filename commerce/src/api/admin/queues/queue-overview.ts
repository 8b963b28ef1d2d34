import type { FailedJobSummary } from "../../../lib/queue/jobs"
import { maskPersonalData, maskPersonalText } from "@health/contracts"
import type QueueModuleService from "../../../modules/queue/service"
import type { DelayedJobSummary } from "../../../modules/queue/service"

/** Payloads may name members (phone numbers, names): staff see them masked. */
const maskedFailed = (job: FailedJobSummary) => ({
  id: job.id ?? null,
  name: job.name,
  data: maskPersonalData(job.data),
  failed_reason: maskPersonalText(job.failedReason ?? ""),
  attempts: job.attemptsMade,
  failed_at: job.finishedOn ?? null,
})

const maskedDelayed = (job: DelayedJobSummary) => ({
  id: job.id ?? null,
  name: job.name,
  data: maskPersonalData(job.data),
  attempts: job.attemptsMade,
  run_at: job.runAt,
})

/** One queue as the dashboard shows it: counts per state, failed and delayed jobs. */
export async function queueOverview(queue: QueueModuleService, name: string) {
  const [counts, failed, delayed] = await Promise.all([
    queue.counts(name),
    queue.failedJobs(name),
    queue.delayedJobs(name),
  ])
  return { name, counts, failed: failed.map(maskedFailed), delayed: delayed.map(maskedDelayed) }
}
