import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../../../consultation-request"

/** DELETE /doctor/schedule/exceptions/:exception_id: the date follows the week again. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  await consultations.removeScheduleException(doctor.id, req.params.exception_id)
  res.json({ id: req.params.exception_id, deleted: true })
}
