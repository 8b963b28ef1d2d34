import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { CONSULTATION_MODULE } from "../../../modules/consultation"
import type ConsultationModuleService from "../../../modules/consultation/service"
import { presentLicenseDocument } from "../../doctor/license-documents/present-license-document"
import type { AdminDoctorLicensesQuery } from "../../doctor-license-validators"

/**
 * GET /admin/doctor-licenses?status=: doctors' licence documents to review (pending unless
 * asked), oldest first, with the doctor's name and licence number (area 陪诊, audited).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status } = req.validatedQuery as z.infer<typeof AdminDoctorLicensesQuery>
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const documents = await consultations.listLicenseDocumentsFor(status ?? "pending")
  const ids = [...new Set(documents.map((doc) => doc.doctor_id))]
  const doctors = ids.length
    ? await consultations.listConsultationDoctors(
        { id: ids },
        { select: ["id", "name", "license_number"] }
      )
    : []
  const byId = new Map(doctors.map((doctor) => [doctor.id, doctor]))
  res.json({
    documents: documents.map((doc) => ({
      ...presentLicenseDocument(doc),
      doctor_id: doc.doctor_id,
      doctor_name: byId.get(doc.doctor_id)?.name ?? null,
      license_number: byId.get(doc.doctor_id)?.license_number ?? null,
    })),
  })
}
