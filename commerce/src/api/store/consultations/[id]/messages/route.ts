import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  listConsultationMessages,
  sendConsultationMessage,
} from "../../../../consultation-conversation-handlers"
import { memberConsultation } from "../../../../consultation-request"

/** GET /store/consultations/:id/messages[?after=]: oldest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await listConsultationMessages(req, res, await memberConsultation(req))
}

/** POST `{ text?, attachment_id? }` → 201 `{ message }`. */
export async function POST(
  req: AuthenticatedMedusaRequest<{ text: string | null; attachment_id: string | null }>,
  res: MedusaResponse
) {
  await sendConsultationMessage(req, res, await memberConsultation(req))
}
