import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"

/** GET /store/consultation-doctors/:id: one verified doctor's page; unverified ones are 404. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const row = await consultations.doctorRow(req.params.id)
  if (!row.license_verified_at) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到这位医生")
  }
  res.json({ doctor: consultations.presentDoctor(row) })
}
