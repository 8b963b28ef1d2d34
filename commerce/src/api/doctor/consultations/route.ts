import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../consultation-request"

/** GET /doctor/consultations?tab=waiting|active|done: the desk's queue (待接诊/进行中/已完成). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const { tab } = req.validatedQuery as { tab: "waiting" | "active" | "done" }
  const rows = await consultations.queueOf(doctor.id, tab)
  const slots = await consultations.slotBookingsOf(rows.map((row) => row.id))
  res.json({
    consultations: rows.map((row) =>
      consultations.presentConsultation(row, null, slots.get(row.id) ?? null)
    ),
  })
}
