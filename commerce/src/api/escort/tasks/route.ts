import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_DISPATCH_MODULE } from "../../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../../modules/escort-dispatch/service"
import { escortRequest } from "../../escort-request"
import { presentAssignedTasks } from "../present-assigned-tasks"

type Which = "open" | "mine" | "done" | "offered"

/**
 * GET /escort/tasks?status=open|mine|done|offered: open tasks (待接单) in the escort's city,
 * their own tasks in progress, their finished ones, or the tasks auto-dispatch offered them
 * (with the deadline). Open and offered tasks show the surname only. In an auto-dispatch
 * city nothing is open to grab: tasks arrive as offers.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, escort } = await escortRequest(req)
  const dispatch = req.scope.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  const which = (req.validatedQuery as { status: Which }).status
  if (which === "offered") {
    const offers = await dispatch.offersTo(escort.id, new Date())
    const tasks = []
    for (const offer of offers) {
      const row = await escorts.ownedBooking(offer.booking_id)
      tasks.push({
        ...escorts.presentBooking(row, "open_task"),
        offer: { expires_at: new Date(offer.expires_at).toISOString(), round: offer.round },
      })
    }
    return res.json({ tasks })
  }
  if (which === "open" && (await dispatch.settingFor(escort.city)).mode === "auto") {
    return res.json({ tasks: [] })
  }
  const rows = await escorts.escortTasks(escort, which)
  if (which === "open") {
    return res.json({ tasks: rows.map((row) => escorts.presentBooking(row, "open_task")) })
  }
  // Own tasks: the patient's details only while active, each read audited.
  res.json({ tasks: await presentAssignedTasks(req, rows) })
}
