import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { readEscortReview } from "../../../../../workflows/escort-review/read-escort-review"
import { submitEscortReviewWorkflow } from "../../../../../workflows/escort-review/submit-escort-review"
import type { EscortReviewBody } from "../../../../escort-review-validators"

/**
 * GET /store/escort-bookings/:id/review: the member's review of the escort and, once both
 * opened, the escort's of them (anonymous: no name, no id).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const review = await readEscortReview(req.scope, req.params.id, {
    side: "member",
    id: req.auth_context.actor_id,
  })
  res.json({ review })
}

/** POST /store/escort-bookings/:id/review `{ rating, tags?, text?, photo_upload_ids? }` → 201. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof EscortReviewBody>>,
  res: MedusaResponse
) {
  const customerId = req.auth_context.actor_id
  await submitEscortReviewWorkflow(req.scope).run({
    input: {
      booking_id: req.params.id,
      author: "member",
      author_id: customerId,
      ...req.validatedBody,
    },
  })
  const review = await readEscortReview(req.scope, req.params.id, {
    side: "member",
    id: customerId,
  })
  res.status(201).json({ review })
}
