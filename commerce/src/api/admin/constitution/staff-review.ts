import type { ConstitutionReviewView, ReviewVersionView } from "../../../modules/constitution/types"

/**
 * A report as experts see it (the member-facing shape leaves out status and author), with
 * every published version, newest first, when they are given.
 */
export const staffReview = (review: ConstitutionReviewView, versions?: ReviewVersionView[]) => ({
  id: review.id,
  status: review.status,
  sections: review.sections,
  expert_name: review.expert_name,
  updated_at: review.updated_at,
  published_at: review.published_at,
  revision: review.revision,
  revised_at: review.revised_at,
  ...(versions
    ? {
        versions: versions.map((v) => ({
          revision: v.revision,
          sections: v.sections,
          reason: v.reason,
          expert_name: v.expert_name,
          published_at: v.published_at,
        })),
      }
    : {}),
})
