import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QUEUE_MODULE } from "../../../../../lib/queue/jobs"
import type QueueModuleService from "../../../../../modules/queue/service"
import type { AuditNote } from "../../../enforce-staff-access"
import { shownQueue } from "../../shown-queues"

/** Runs every failed job of a queue again (全部重试). Super admins only; audited. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const name = shownQueue(req.params.name)
  const queue = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  const retried = await queue.retryAllFailed(name)
  res.locals.audit = {
    action: "queue.retry_all",
    details: { queue: name, retried },
  } as AuditNote
  res.json({ retried })
}
