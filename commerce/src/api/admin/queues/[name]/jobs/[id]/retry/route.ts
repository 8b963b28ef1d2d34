import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../../../../../../../lib/queue/jobs"
import type QueueModuleService from "../../../../../../../modules/queue/service"
import type { AuditNote } from "../../../../../enforce-staff-access"
import { shownQueue } from "../../../../shown-queues"

/** Runs one failed job again (重试). Super admins only; the access guard audits the call. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const name = shownQueue(req.params.name)
  const jobId = req.params.id
  res.locals.audit = { action: "queue.retry", details: { queue: name, job_id: jobId } } as AuditNote
  const queue = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  if (!(await queue.retryFailedJob(name, jobId))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `队列 ${name} 中没有失败的任务 ${jobId}`)
  }
  res.json({ retried: 1 })
}
