import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { escortRequest } from "../../escort-request"

/**
 * GET /escort/tasks?status=open|mine|done: open tasks (待接单) in the escort's city, their
 * own tasks in progress, or their finished ones. Open tasks show the surname only.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, escort } = await escortRequest(req)
  const which = (req.validatedQuery as { status: "open" | "mine" | "done" }).status
  const rows = await escorts.escortTasks(escort, which)
  res.json({
    tasks: rows.map((row) =>
      escorts.presentBooking(row, which === "open" ? "open_task" : "assigned_escort")
    ),
  })
}
