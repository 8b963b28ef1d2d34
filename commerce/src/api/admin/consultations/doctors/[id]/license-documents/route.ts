import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../../../../modules/consultation"
import type ConsultationModuleService from "../../../../../../modules/consultation/service"
import { presentLicenseDocument } from "../../../../../doctor/license-documents/present-license-document"

/** GET /admin/consultations/doctors/:id/license-documents: for the reviewers (audited). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const doctor = await consultations.doctorRow(req.params.id)
  const documents = await consultations.licenseDocumentsOf(doctor.id)
  res.json({
    doctor: {
      id: doctor.id,
      name: doctor.name,
      license_number: doctor.license_number,
      license_verified_at: doctor.license_verified_at
        ? new Date(doctor.license_verified_at).toISOString()
        : null,
    },
    documents: documents.map(presentLicenseDocument),
  })
}
