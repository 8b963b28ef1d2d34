import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptDispatchedTaskWorkflow } from "../../../../../workflows/escort-dispatch/accept-dispatched-task"
import { escortRequest } from "../../../../escort-request"
import { presentAssignedTasks } from "../../../present-assigned-tasks"

/**
 * POST /escort/tasks/:id/accept: grab an open task, or take one offered by auto-dispatch;
 * 409 when another escort got it first, the offer is not theirs or ran out, the task is
 * outside their schedule or overlaps another of their tasks.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const { result: row } = await acceptDispatchedTaskWorkflow(req.scope).run({
    input: { booking_id: req.params.id, escort },
  })
  const [task] = await presentAssignedTasks(req, [row])
  res.json({ task })
}
