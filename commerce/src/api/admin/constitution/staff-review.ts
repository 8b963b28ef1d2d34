import type { ConstitutionReviewView } from "../../../modules/health-archive/types"

/** A report as experts see it (the member-facing shape leaves out status and author). */
export const staffReview = (review: ConstitutionReviewView) => ({
  id: review.id,
  status: review.status,
  sections: review.sections,
  expert_name: review.expert_name,
  updated_at: review.updated_at,
  published_at: review.published_at,
})
