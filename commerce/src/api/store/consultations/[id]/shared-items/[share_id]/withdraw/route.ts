import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConsultation } from "../../../../../../consultation-request"

/** POST: the member takes a shared item back; the doctor can no longer open it. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, consultation } = await memberConsultation(req)
  const row = await consultations.withdrawShare(consultation.id, req.params.share_id)
  res.json({
    shared_item: {
      id: row.id,
      withdrawn_at: row.withdrawn_at ? new Date(row.withdrawn_at).toISOString() : null,
    },
  })
}
