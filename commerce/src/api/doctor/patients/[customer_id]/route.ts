import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conversationOpen } from "../../../../modules/consultation/rules/consultation-status"
import { signedInDoctor } from "../../../consultation-request"
import { patientNames } from "../../../consultation-patient-names"

/**
 * GET /doctor/patients/:customer_id: one patient's consultations with this doctor, the archive
 * items currently shared in open ones, the doctor's private notes and the follow-ups. A member
 * the doctor never consulted is 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const customerId = req.params.customer_id
  const history = await consultations.consultationsWithPatient(doctor.id, customerId)
  const slots = await consultations.slotBookingsOf(history.map((c) => c.id))
  const shared = []
  for (const c of history.filter((row) => conversationOpen(row.status))) {
    for (const item of await consultations.sharedItems(c.id, { current: true })) {
      shared.push({
        id: item.id,
        consultation_id: c.id,
        item_type: item.item_type,
        url: `/doctor/consultations/${encodeURIComponent(c.id)}/shared-items/${encodeURIComponent(item.id)}`,
      })
    }
  }
  const names = await patientNames(req.scope, [customerId])
  res.json({
    patient: {
      customer_id: customerId,
      name: names.get(customerId) ?? "会员",
      consultations: history.map((row) =>
        consultations.presentConsultation(row, null, slots.get(row.id) ?? null)
      ),
      shared_items: shared,
      notes: await consultations.patientNotes(doctor.id, customerId),
      follow_ups: (await consultations.followUpsOf(customerId, doctor.id)).map((row) =>
        consultations.presentFollowUp(row)
      ),
    },
  })
}
