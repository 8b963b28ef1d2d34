import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../../../../modules/consultation"
import type ConsultationModuleService from "../../../../../../modules/consultation/service"

/**
 * POST: staff checked the doctor's 执业证; from now on members may consult them and they may
 * sign in to the 在线诊室. (Admission through the escorts' review flow comes later.)
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const row = await consultations.verifyLicense(req.params.id, new Date())
  res.locals.audit = {
    action: "consultation_doctor.verify_license",
    details: { doctor_id: row.id },
  }
  res.json({
    doctor: {
      ...consultations.presentDoctor(row),
      license_verified_at: new Date(row.license_verified_at!).toISOString(),
    },
  })
}
