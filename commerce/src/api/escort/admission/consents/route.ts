import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ApplicantConsentAcceptance } from "../../../../modules/escort-admission/rules/applicant-consent-kinds"
import { acceptApplicantConsentsWorkflow } from "../../../../workflows/escort-admission/accept-applicant-consents"
import { escortAdmissionRequest } from "../../../escort-admission-request"
import { presentApplicantConsents } from "../../../present-applicant-consents"

/**
 * GET /escort/admission/consents → `{ consents: { documents, all_accepted, consents } }`:
 * the texts an applicant accepts before giving details, and what they accepted or withdrew.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { admission, escortId } = await escortAdmissionRequest(req)
  res.json({ consents: presentApplicantConsents(await admission.applicantConsents(escortId)) })
}

/**
 * POST /escort/admission/consents `{ consents: [{ kind, version }] }` → the same view: 409
 * naming each text whose version is not the one the CMS publishes now.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<{ consents: ApplicantConsentAcceptance[] }>,
  res: MedusaResponse
) {
  const { escortId } = await escortAdmissionRequest(req)
  const { result } = await acceptApplicantConsentsWorkflow(req.scope).run({
    input: { escort_id: escortId, consents: req.validatedBody.consents },
  })
  res.json({ consents: presentApplicantConsents(result) })
}
