import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withdrawAssessmentConsentWorkflow } from "../../../../../workflows/assessment/withdraw-assessment-consent"
import { assessmentsOf } from "../../../../assessment-request"

/** POST → `{ assessment }`: the member withdraws the consent; the expert is refused from now on. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await withdrawAssessmentConsentWorkflow(req.scope).run({
    input: { assessment_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json({ assessment: assessmentsOf(req).view(result, new Date()) })
}
