import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConsultation } from "../../../consultation-request"

/**
 * GET /store/consultations/:id: the member's consultation with its messages in order and the
 * archive items shared with the doctor; another member's is 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const party = await memberConsultation(req)
  const { consultations, consultation } = party
  const doctor = await consultations.doctorRow(consultation.doctor_id)
  const messages = await consultations.presentMessages(
    await consultations.messagesOf(consultation.id, null),
    party.attachmentUrl
  )
  const shared = await consultations.sharedItems(consultation.id)
  const slots = await consultations.slotBookingsOf([consultation.id])
  const followUps = (await consultations.followUpsOf(consultation.customer_id)).filter(
    (row) => row.consultation_id === consultation.id
  )
  res.json({
    consultation: {
      ...consultations.presentConsultation(
        consultation,
        doctor,
        slots.get(consultation.id) ?? null
      ),
      messages,
      calls: await consultations.callsOf(consultation.id),
      follow_ups: followUps.map((row) => consultations.presentFollowUp(row)),
      shared_items: shared.map((item) => ({
        id: item.id,
        item_type: item.item_type,
        item_id: item.item_id,
        withdrawn_at: item.withdrawn_at ? new Date(item.withdrawn_at).toISOString() : null,
      })),
    },
  })
}
