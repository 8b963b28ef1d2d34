import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { readEscortReview } from "../../../../../workflows/escort-review/read-escort-review"
import { submitEscortReviewWorkflow } from "../../../../../workflows/escort-review/submit-escort-review"
import { escortRequest } from "../../../../escort-request"
import type { EscortReviewBody } from "../../../../escort-review-validators"

/**
 * GET /escort/tasks/:id/review: the escort's review of the member and, once both opened,
 * the member's of them (anonymous: 匿名会员, no name, no id).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const review = await readEscortReview(req.scope, req.params.id, { side: "escort", id: escort.id })
  res.json({ review })
}

/** POST /escort/tasks/:id/review `{ rating, tags?, text?, photo_upload_ids? }` → 201. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof EscortReviewBody>>,
  res: MedusaResponse
) {
  const { escort } = await escortRequest(req)
  await submitEscortReviewWorkflow(req.scope).run({
    input: {
      booking_id: req.params.id,
      author: "escort",
      author_id: escort.id,
      ...req.validatedBody,
    },
  })
  const review = await readEscortReview(req.scope, req.params.id, { side: "escort", id: escort.id })
  res.status(201).json({ review })
}
