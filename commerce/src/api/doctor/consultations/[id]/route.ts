import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { conversationOpen } from "../../../../modules/consultation/rules/consultation-status"
import { doctorConsultation } from "../../../consultation-request"

/** GET /doctor/consultations/:id: the consultation, its messages and the shared items. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const party = await doctorConsultation(req)
  const { consultations, consultation } = party
  const messages = await consultations.presentMessages(
    await consultations.messagesOf(consultation.id, null),
    party.attachmentUrl
  )
  const shared = conversationOpen(consultation.status)
    ? await consultations.sharedItems(consultation.id, { current: true })
    : []
  const slots = await consultations.slotBookingsOf([consultation.id])
  res.json({
    consultation: {
      ...consultations.presentConsultation(consultation, null, slots.get(consultation.id) ?? null),
      messages,
      calls: await consultations.callsOf(consultation.id),
      shared_items: shared.map((item) => ({
        id: item.id,
        item_type: item.item_type,
        url: `/doctor/consultations/${encodeURIComponent(consultation.id)}/shared-items/${encodeURIComponent(item.id)}`,
      })),
    },
  })
}
