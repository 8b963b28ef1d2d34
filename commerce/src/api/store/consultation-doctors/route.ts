import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../modules/consultation"
import type ConsultationModuleService from "../../../modules/consultation/service"

/** GET /store/consultation-doctors: doctors whose 执业证 staff verified, on duty first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const rows = await consultations.doctors()
  res.json({ doctors: rows.map((row) => consultations.presentDoctor(row)) })
}
