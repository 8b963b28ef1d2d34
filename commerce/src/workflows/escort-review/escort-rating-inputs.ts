import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { ESCORT_REVIEW_MODULE } from "../../modules/escort-review"
import type EscortReviewModuleService from "../../modules/escort-review/service"

export type EscortRating = { average: number | null; count: number }

/**
 * The one source of an escort's rating for levels (recompute-escort-level) and dispatch
 * ranking (offer-next-escort): one rating per booking, the member's opened and moderated
 * two-way review where there is one, else the 1–5 the member gave when confirming. So a
 * member who both rated at confirmation and reviewed counts once, with the review.
 */
export async function escortRatings(
  container: Pick<MedusaContainer, "resolve">,
  escortIds: string[]
): Promise<Map<string, EscortRating>> {
  const ratings = new Map<string, EscortRating>(
    escortIds.map((id) => [id, { average: null, count: 0 }])
  )
  if (!escortIds.length) return ratings
  const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
  const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
  const byBooking = new Map<string, { escort_id: string; rating: number }>()
  const confirmed = await income.listEscortRatings(
    { escort_id: escortIds },
    { select: ["escort_id", "booking_id", "rating"] }
  )
  for (const row of confirmed) {
    byBooking.set(row.booking_id, { escort_id: row.escort_id, rating: Number(row.rating) })
  }
  for (const row of await reviews.shownMemberRatings(escortIds)) {
    byBooking.set(row.booking_id, { escort_id: row.escort_id, rating: row.rating })
  }
  const sums = new Map<string, { sum: number; count: number }>()
  for (const { escort_id, rating } of byBooking.values()) {
    const sum = sums.get(escort_id) ?? { sum: 0, count: 0 }
    sums.set(escort_id, { sum: sum.sum + rating, count: sum.count + 1 })
  }
  for (const [id, { sum, count }] of sums) {
    ratings.set(id, { average: Math.round((sum / count) * 100) / 100, count })
  }
  return ratings
}
