import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"

/** GET /admin/consultations/doctors: every doctor, verified or not, with the sign-in phone. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const rows = await consultations.doctors({ all: true })
  res.json({
    doctors: rows.map((row) => ({
      ...consultations.presentDoctor(row),
      phone: row.phone,
      cms_document_id: row.cms_document_id,
      license_verified_at: row.license_verified_at
        ? new Date(row.license_verified_at).toISOString()
        : null,
    })),
  })
}
