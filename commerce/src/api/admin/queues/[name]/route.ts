import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { QueueName } from "../../../../lib/queue/queue-names"
import { QUEUE_MODULE } from "../../../../modules/queue"
import type QueueModuleService from "../../../../modules/queue/service"

/** Job counts and the most recent failed jobs of one background queue, for operations staff. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const name = req.params.name as QueueName
  if (!Object.values(QueueName).includes(name)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `队列 ${name} 不存在`)
  }
  const queue = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  const [counts, failed] = await Promise.all([queue.counts(name), queue.failedJobs(name)])
  res.json({ queue: { name, counts, failed } })
}
