import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QUEUE_MODULE } from "../../../lib/queue/jobs"
import type QueueModuleService from "../../../modules/queue/service"
import { queueOverview } from "./queue-overview"
import { SHOWN_QUEUES } from "./shown-queues"

/** Every background queue with its counts, failed and delayed jobs: the queue dashboard. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const queue = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  const queues = await Promise.all(SHOWN_QUEUES.map((name) => queueOverview(queue, name)))
  res.json({ queues })
}
