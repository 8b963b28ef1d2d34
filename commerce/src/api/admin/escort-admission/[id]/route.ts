import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_ADMISSION_MODULE } from "../../../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../../../modules/escort-admission/service"
import type { AuditNote } from "../../enforce-staff-access"
import { presentEscortApplication } from "../../../present-escort-application"

/** GET /admin/escort-admission/:id → `{ application }` with its documents; audit-logged. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const admission = req.scope.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
  const application = await admission.application(req.params.id)
  res.locals.audit = {
    action: "escort_admission.read",
    details: { application_id: application.id },
  } satisfies AuditNote
  res.json({ application: await presentEscortApplication(admission, application) })
}
