import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { NewServiceReport } from "../../../../../modules/escort-messaging/service"
import { writeEscortServiceReportWorkflow } from "../../../../../workflows/escort-messaging/write-escort-service-report"
import { escortConversation, requireFilesVisible } from "../../../../escort-conversation-request"

/** GET /escort/tasks/:id/service-report: the escort's report (`null` before it is written). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const conversation = await escortConversation(req)
  requireFilesVisible(conversation)
  const { messaging, booking, imageUrl } = conversation
  const row = await messaging.reportOf(booking.id)
  res.json({ report: row ? await messaging.presentReport(row, imageUrl) : null })
}

/**
 * POST /escort/tasks/:id/service-report `{ steps, doctor_advice, document_upload_ids }`:
 * once, after 服务完成 (the last thing the escort does for a task, while it still lasts);
 * a second report is 409.
 */
export async function POST(req: AuthenticatedMedusaRequest<NewServiceReport>, res: MedusaResponse) {
  const conversation = await escortConversation(req)
  const { messaging, booking, reader, state, imageUrl } = conversation
  if (!["completed", "confirmed", "reviewed"].includes(booking.status)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "服务完成后才能提交服务报告")
  }
  if (!state.open)
    throw new MedusaError(MedusaError.Types.CONFLICT, "任务已结束，不能再提交服务报告")
  const { result } = await writeEscortServiceReportWorkflow(req.scope).run({
    input: { booking_id: booking.id, escort_id: reader.id, report: req.validatedBody },
  })
  res.status(201).json({ report: await messaging.presentReport(result, imageUrl) })
}
