import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_MODULE } from "../../../../../modules/escort"
import type EscortModuleService from "../../../../../modules/escort/service"
import { ESCORT_REVIEW_MODULE } from "../../../../../modules/escort-review"
import type EscortReviewModuleService from "../../../../../modules/escort-review/service"
import { escortRatings } from "../../../../../workflows/escort-review/escort-rating-inputs"
import type { PublicEscortReviewsQuery } from "../../../../escort-review-validators"

/**
 * GET /store/escorts/:id/reviews?limit=&offset=: an escort's opened, moderated reviews from
 * members, for the escort's card in matching: anonymous (匿名会员), no booking, no photos
 * (those stay in the booking's conversation), the day only. With the rating that ranks them.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as unknown as z.infer<typeof PublicEscortReviewsQuery>
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const [escort] = await escorts.listEscorts({ id: req.params.id, status: "active" }, { take: 1 })
  if (!escort) throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到该陪诊员")
  const reviews = req.scope.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
  const page = await reviews.shownReviewsOfEscort(escort.id, query)
  const rating = (await escortRatings(req.scope, [escort.id])).get(escort.id)!
  res.json({
    rating: { average: rating.average, count: rating.count },
    reviews: page.reviews.map((review) => ({
      from: "匿名会员",
      rating: review.rating,
      tags: review.tags,
      text: review.moderation === "approved" ? review.shown_text : review.text,
      date: new Date(review.opened_at!.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    })),
    count: page.count,
  })
}
