import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ApplicationFields } from "../../../modules/escort-admission/types"
import { saveEscortApplicationWorkflow } from "../../../workflows/escort-admission/save-escort-application"
import { auditAdmissionAccess, escortAdmissionRequest } from "../../escort-admission-request"
import { presentEscortApplication } from "../../present-escort-application"

/** GET /escort/admission → `{ application }` (null before it is first saved); audit-logged. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { admission, application } = await escortAdmissionRequest(req)
  if (application) {
    await auditAdmissionAccess(req, "escort_admission.read", { application_id: application.id })
  }
  res.json({
    application: application ? await presentEscortApplication(admission, application) : null,
  })
}

/** POST /escort/admission → `{ application }`: fill in or correct the applicant's details. */
export async function POST(
  req: AuthenticatedMedusaRequest<ApplicationFields>,
  res: MedusaResponse
) {
  const { admission, escortId } = await escortAdmissionRequest(req)
  const { result } = await saveEscortApplicationWorkflow(req.scope).run({
    input: { escort_id: escortId, fields: req.validatedBody },
  })
  res.json({ application: await presentEscortApplication(admission, result) })
}
