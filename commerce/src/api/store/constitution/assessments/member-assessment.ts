import type {
  ConstitutionAssessmentView,
  ConstitutionReviewView,
  ReviewVersionView,
} from "../../../../modules/constitution/types"

/**
 * A saved result as its member sees it: no answers (they gave them), and the expert's
 * 养生评估报告 only once published, without staff details. A revised report says which
 * version it is and why it changed, and lists the versions the member read before.
 */
export function memberAssessment(
  assessment: ConstitutionAssessmentView,
  publishedReviews: Map<string, ConstitutionReviewView>,
  versionsByReview: Map<string, ReviewVersionView[]> = new Map()
) {
  const review = publishedReviews.get(assessment.id)
  const versions = review ? (versionsByReview.get(review.id) ?? []) : []
  const current = versions.find((v) => v.revision === review?.revision)
  return {
    id: assessment.id,
    created_at: assessment.created_at.toISOString(),
    questionnaire_version: assessment.questionnaire_version,
    item_version: assessment.item_version,
    sex: assessment.sex,
    scores: assessment.scores,
    verdicts: assessment.verdicts,
    primary: assessment.primary,
    review: review
      ? {
          id: review.id,
          assessment_id: review.assessment_id,
          sections: review.sections,
          expert_name: review.expert_name,
          published_at: review.published_at as string,
          revision: Math.max(review.revision, 1),
          revised_at: review.revised_at,
          revision_reason: current?.reason ?? null,
          versions: versions
            .filter((v) => v.revision < review.revision)
            .map((v) => ({
              revision: v.revision,
              sections: v.sections,
              expert_name: v.expert_name,
              reason: v.reason,
              published_at: v.published_at,
            })),
        }
      : null,
  }
}
