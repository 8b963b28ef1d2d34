import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { submitEscortApplicationWorkflow } from "../../../../workflows/escort-admission/submit-escort-application"
import { escortAdmissionRequest, requireApplication } from "../../../escort-admission-request"
import { presentEscortApplication } from "../../../present-escort-application"

/** POST /escort/admission/submit → `{ application }` waiting for staff review (待审核). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { admission, application, escortId } = await escortAdmissionRequest(req)
  const { result } = await submitEscortApplicationWorkflow(req.scope).run({
    input: { application_id: requireApplication(application).id, escort_id: escortId },
  })
  res.json({ application: await presentEscortApplication(admission, result) })
}
