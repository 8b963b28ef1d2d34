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
  res.json({
    consultation: {
      ...consultations.presentConsultation(consultation, null),
      messages,
      shared_items: shared.map((item) => ({
        id: item.id,
        item_type: item.item_type,
        url: `/doctor/consultations/${encodeURIComponent(consultation.id)}/shared-items/${encodeURIComponent(item.id)}`,
      })),
    },
  })
}
