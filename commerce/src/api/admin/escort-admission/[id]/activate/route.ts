import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_ADMISSION_MODULE } from "../../../../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../../../../modules/escort-admission/service"
import { activateEscortWorkflow } from "../../../../../workflows/escort-admission/activate-escort"
import { presentEscortApplication } from "../../../../present-escort-application"

/**
 * POST /admin/escort-admission/:id/activate → `{ application }`: the escort becomes active;
 * 409 naming the requirements still unmet (实名认证, 健康证, 背景调查 …).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const admission = req.scope.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
  const { result } = await activateEscortWorkflow(req.scope).run({
    input: { application_id: req.params.id },
  })
  res.json({ application: await presentEscortApplication(admission, result) })
}
