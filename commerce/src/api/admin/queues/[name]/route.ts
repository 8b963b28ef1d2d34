import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QUEUE_MODULE } from "../../../../lib/queue/jobs"
import type QueueModuleService from "../../../../modules/queue/service"
import { queueOverview } from "../queue-overview"
import { shownQueue } from "../shown-queues"

/** One background queue: job counts, the most recent failed and the delayed jobs. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const name = shownQueue(req.params.name)
  const queue = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  res.json({ queue: await queueOverview(queue, name) })
}
