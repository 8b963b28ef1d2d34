import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../consultation-request"
import { patientNames } from "../../consultation-patient-names"

/** GET /doctor/patients: the members this doctor has consulted, most recent first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const patients = await consultations.patientsOf(doctor.id)
  const names = await patientNames(
    req.scope,
    patients.map((p) => p.customer_id)
  )
  res.json({
    patients: patients.map((p) => ({ ...p, name: names.get(p.customer_id) ?? "会员" })),
  })
}
