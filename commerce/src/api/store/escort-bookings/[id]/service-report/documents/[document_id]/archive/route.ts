import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveEscortReportDocumentWorkflow } from "../../../../../../../../workflows/escort-messaging/archive-escort-report-document"
import { memberConversation } from "../../../../../../../escort-conversation-request"
import { archiveRequest } from "../../../../../../../health-archive-request"

/**
 * POST /store/escort-bookings/:id/service-report/documents/:document_id/archive: one tap
 * saves a report document into the member's health archive. 201 the first time, 200 with
 * the same archive item after (saving twice keeps one).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { messaging, booking, reader } = await memberConversation(req)
  const document = await messaging.reportDocument(booking.id, req.params.document_id)
  const extension =
    document.mime_type === "image/png"
      ? "png"
      : document.mime_type === "image/webp"
        ? "webp"
        : "jpg"
  const { result } = await archiveEscortReportDocumentWorkflow(req.scope).run({
    input: {
      booking_id: booking.id,
      document_id: document.id,
      customer_id: reader.id,
      filename: `陪诊报告资料-${booking.service_date}-${document.id.slice(-6)}.${extension}`,
      note: `陪诊服务报告：${booking.hospital_name} ${booking.department_name}（${booking.service_date}）`,
    },
  })
  if (result.created) {
    await archiveRequest(req).log(reader.id, "create", "upload", result.upload_id)
  }
  res
    .status(result.created ? 201 : 200)
    .json({ archived: { document_id: document.id, upload_id: result.upload_id } })
}
