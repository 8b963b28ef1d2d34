import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { reportEscortReviewWorkflow } from "../../../../../../workflows/moderation/report-escort-review"
import { escortRequest } from "../../../../../escort-request"
import type { ReportContentBody } from "../../../../../escort-review-validators"

/** POST /escort/tasks/:id/review/report `{ reason }`: the escort reports the member's review → 201. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ReportContentBody>>,
  res: MedusaResponse
) {
  const { escort } = await escortRequest(req)
  const { result } = await reportEscortReviewWorkflow(req.scope).run({
    input: {
      booking_id: req.params.id,
      reporter: "escort",
      reporter_id: escort.id,
      reason: req.validatedBody.reason,
    },
  })
  res.status(201).json({ report: { status: result.status, message: "举报已提交，平台会尽快审核" } })
}
