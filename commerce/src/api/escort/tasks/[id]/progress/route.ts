import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { progressEscortTaskWorkflow } from "../../../../../workflows/escort/progress-escort-task"
import { escortRequest } from "../../../../escort-request"
import type { EscortProgressBody } from "../../../../escort-validators"

type Body = z.infer<typeof EscortProgressBody>

/** POST /escort/tasks/:id/progress: the assigned escort moves the service one step on. */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { escorts, escort } = await escortRequest(req)
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
  res.json({ task: escorts.presentBooking(row, "assigned_escort") })
}
