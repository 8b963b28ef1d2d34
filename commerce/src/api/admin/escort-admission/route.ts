import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_ADMISSION_MODULE } from "../../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../../modules/escort-admission/service"
import type { EscortApplicationStatus } from "../../../modules/escort-admission/types"
import { presentEscortApplication } from "../../present-escort-application"

/** GET /admin/escort-admission?status= → `{ applications }` (陪诊员审核), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const admission = req.scope.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
  const { status } = req.validatedQuery as { status: EscortApplicationStatus | null }
  const rows = await admission.applicationsByStatus(status)
  res.json({
    applications: await Promise.all(rows.map((row) => presentEscortApplication(admission, row))),
  })
}
