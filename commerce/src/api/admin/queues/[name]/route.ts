import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MATURATION_QUEUE } from "@health/medusa-plugin-affiliate/lib/maturation-queue"
import { QUEUE_MODULE, QueueName, type JobQueue } from "../../../../lib/queue/jobs"

/** Ours, and those plugins run on our Redis and prefix: the affiliate commission maturation. */
const SHOWN_QUEUES: string[] = [...Object.values(QueueName), MATURATION_QUEUE]

/** Job counts and the most recent failed jobs of one background queue, for operations staff. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const name = req.params.name
  if (!SHOWN_QUEUES.includes(name)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `队列 ${name} 不存在`)
  }
  const queue = req.scope.resolve<JobQueue>(QUEUE_MODULE)
  const [counts, failed] = await Promise.all([queue.counts(name), queue.failedJobs(name)])
  res.json({ queue: { name, counts, failed } })
}
