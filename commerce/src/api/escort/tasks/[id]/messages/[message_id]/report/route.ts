import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { reportEscortMessageWorkflow } from "../../../../../../../workflows/moderation/report-escort-message"
import { escortConversation } from "../../../../../../escort-conversation-request"
import type { ReportContentBody } from "../../../../../../escort-review-validators"

/** POST /escort/tasks/:id/messages/:message_id/report `{ reason }`: the escort reports a member's message → 201. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ReportContentBody>>,
  res: MedusaResponse
) {
  const { booking } = await escortConversation(req)
  const { result } = await reportEscortMessageWorkflow(req.scope).run({
    input: {
      booking_id: booking.id,
      message_id: req.params.message_id,
      reporter: "escort",
      reason: req.validatedBody.reason,
    },
  })
  res.status(201).json({ report: { status: result.status, message: "举报已提交，平台会尽快审核" } })
}
