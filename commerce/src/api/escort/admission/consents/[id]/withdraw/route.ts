import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withdrawApplicantConsentWorkflow } from "../../../../../../workflows/escort-admission/withdraw-applicant-consent"
import { escortAdmissionRequest } from "../../../../../escort-admission-request"
import { presentApplicantConsents } from "../../../../../present-applicant-consents"

/** POST /escort/admission/consents/:id/withdraw → `{ consents }`; only the escort's own (else 404). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { admission, escortId } = await escortAdmissionRequest(req)
  await withdrawApplicantConsentWorkflow(req.scope).run({
    input: { escort_id: escortId, consent_id: req.params.id },
  })
  res.json({ consents: presentApplicantConsents(await admission.applicantConsents(escortId)) })
}
