import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE } from "../../../../lib/cms/escort-hospital-source"
import { syncEscortHospitalsWorkflow } from "../../../../workflows/escort/sync-escort-hospitals"

/**
 * POST /admin/escort-hospitals/sync: staff re-read the hospitals from the CMS now; 503 in
 * Chinese when the CMS does not answer (the last synced copy stays).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result, errors } = await syncEscortHospitalsWorkflow(req.scope).run({
    input: {},
    throwOnError: false,
  })
  if (errors.length) {
    const unavailable = errors.some(
      (e) => (e.error as { message?: string })?.message === ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE
    )
    if (!unavailable) throw errors[0].error
    res.status(503).json({ type: "cms_unavailable", message: ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE })
    return
  }
  res.locals.audit = { action: "escort_hospitals.sync", details: result }
  res.json({ sync: result })
}
