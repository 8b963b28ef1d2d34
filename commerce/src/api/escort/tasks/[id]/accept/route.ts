import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptEscortTaskWorkflow } from "../../../../../workflows/escort/accept-escort-task"
import { escortRequest } from "../../../../escort-request"

/** POST /escort/tasks/:id/accept: grab an open task; 409 when another escort got it first. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, escort } = await escortRequest(req)
  const { result: row } = await acceptEscortTaskWorkflow(req.scope).run({
    input: { booking_id: req.params.id, escort },
  })
  res.json({ task: escorts.presentBooking(row, "assigned_escort") })
}
