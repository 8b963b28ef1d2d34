import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readEscortTaskWorkflow } from "../../../../workflows/escort/read-escort-task"
import { escortRequest } from "../../../escort-request"

/**
 * GET /escort/tasks/:id: the escort's own task (with its timeline) or one open or offered
 * to them (surname only), with the hospital's address, coordinates and guide and the
 * department's SOP. Anyone else's task is 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const { result: task } = await readEscortTaskWorkflow(req.scope).run({
    input: { booking_id: req.params.id, escort },
  })
  res.json({ task })
}
