import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EXPERTS_UNAVAILABLE_MESSAGE } from "../../../../../lib/cms/expert-source"
import { syncConsultationDoctorsWorkflow } from "../../../../../workflows/consultation/sync-consultation-doctors"

/**
 * POST: reads the CMS experts into the doctors now → `{ sync: { created, updated, retired } }`;
 * 503 in Chinese when the CMS does not answer (doctors keep their last profile).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result, errors } = await syncConsultationDoctorsWorkflow(req.scope).run({
    input: {},
    throwOnError: false,
  })
  if (errors.length) {
    const unavailable = errors.some(
      (e) => (e.error as { message?: string })?.message === EXPERTS_UNAVAILABLE_MESSAGE
    )
    if (!unavailable) throw errors[0].error
    res.status(503).json({ type: "cms_unavailable", message: EXPERTS_UNAVAILABLE_MESSAGE })
    return
  }
  res.locals.audit = { action: "consultation_doctors.sync", details: result }
  res.json({ sync: result })
}
