import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_DISPATCH_MODULE } from "../../../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../../../modules/escort-dispatch/service"
import { presentDispatchAlert } from "../present-dispatch-alert"

/** GET /admin/escort-dispatch/alerts?status=open|resolved|all: the dispatch board's alerts. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const dispatch = req.scope.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  const status = (req.validatedQuery as { status: "open" | "resolved" | "all" }).status
  const rows = await dispatch.alerts({
    open: status === "all" ? undefined : status === "open",
  })
  res.json({ alerts: rows.map(presentDispatchAlert) })
}
