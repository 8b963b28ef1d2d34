import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  listConsultationMessages,
  sendConsultationMessage,
} from "../../../../consultation-conversation-handlers"
import { doctorConsultation } from "../../../../consultation-request"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await listConsultationMessages(req, res, await doctorConsultation(req))
}

/** The doctor's first reply takes a waiting consultation (待接诊 → 进行中). */
export async function POST(
  req: AuthenticatedMedusaRequest<{ text: string | null; attachment_id: string | null }>,
  res: MedusaResponse
) {
  await sendConsultationMessage(req, res, await doctorConsultation(req))
}
