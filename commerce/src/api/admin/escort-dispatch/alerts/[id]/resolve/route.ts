import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveDispatchAlertWorkflow } from "../../../../../../workflows/escort-dispatch/resolve-dispatch-alert"
import { presentDispatchAlert } from "../../../present-dispatch-alert"

/** POST /admin/escort-dispatch/alerts/:id/resolve `{ note }`: close an alert, once. */
export async function POST(req: AuthenticatedMedusaRequest<{ note: string }>, res: MedusaResponse) {
  const { result } = await resolveDispatchAlertWorkflow(req.scope).run({
    input: {
      alert_id: req.params.id,
      staff_id: req.auth_context.actor_id,
      note: req.validatedBody.note,
    },
  })
  res.locals.audit = {
    action: "escort_dispatch.alert_resolved",
    details: { alert_id: result.id, booking_id: result.booking_id },
  }
  res.json({ alert: presentDispatchAlert(result) })
}
