import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../../../consultation-request"

/** POST /doctor/patients/:customer_id/notes `{ text }` → 201: a private note (sealed). */
export async function POST(req: AuthenticatedMedusaRequest<{ text: string }>, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const row = await consultations.addPatientNote(
    doctor.id,
    req.params.customer_id,
    req.validatedBody.text
  )
  res.status(201).json({ note: consultations.presentPatientNote(row) })
}
