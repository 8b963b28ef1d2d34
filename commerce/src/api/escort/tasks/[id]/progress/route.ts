import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { progressEscortTaskWorkflow } from "../../../../../workflows/escort/progress-escort-task"
import { escortRequest } from "../../../../escort-request"
import { presentAssignedTasks } from "../../../present-assigned-tasks"
import type { EscortProgressBody } from "../../../../escort-validators"

type Body = z.infer<typeof EscortProgressBody>

/** POST /escort/tasks/:id/progress: the assigned escort moves the service one step on. */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const { status, note, location, photo_upload_id } = req.validatedBody
  const { result: row } = await progressEscortTaskWorkflow(req.scope).run({
    input: {
      booking_id: req.params.id,
      escort_id: escort.id,
      status,
      note,
      location,
      photo_upload_id,
    },
  })
  const [task] = await presentAssignedTasks(req, [row])
  res.json({ task })
}
