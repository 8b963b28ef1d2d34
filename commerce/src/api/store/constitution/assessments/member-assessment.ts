import type {
  ConstitutionAssessmentView,
  ConstitutionReviewView,
} from "../../../../modules/health-archive/types"

/**
 * A saved result as its member sees it: no answers (they gave them), and the expert's
 * 养生评估报告 only once published, without staff details.
 */
export function memberAssessment(
  assessment: ConstitutionAssessmentView,
  publishedReviews: Map<string, ConstitutionReviewView>
) {
  const review = publishedReviews.get(assessment.id)
  return {
    id: assessment.id,
    created_at: assessment.created_at.toISOString(),
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
        }
      : null,
  }
}
