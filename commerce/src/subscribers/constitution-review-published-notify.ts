import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type ConstitutionReviewPublishedEvent } from "../lib/events/domain-events"
import { CONSTITUTION_MODULE } from "../modules/constitution"
import type ConstitutionModuleService from "../modules/constitution/service"
import {
  constitutionReviewNotice,
  constitutionReviewRevisedNotice,
} from "../notifications/constitution.zh-CN"
import { notifyMember } from "../notifications/notify-member"

/**
 * Tells the member their 养生评估报告 is out (inbox and a text), or that a 修订 updated it
 * (inbox); once per published version.
 */
export default async function constitutionReviewPublishedNotify({
  event,
  container,
}: SubscriberArgs<ConstitutionReviewPublishedEvent>) {
  const { review_id, assessment_id, revision } = event.data
  const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const review = (
    await constitution.reviewsOfAssessments([assessment_id], { publishedOnly: true })
  ).get(assessment_id)
  const assessment = await constitution.constitutionAssessment(assessment_id)
  // Erased from the archive (or unpublished) since: nothing to tell.
  if (!review || review.id !== review_id || !assessment) return
  const about = { review_id, assessment_id, assessed_at: assessment.created_at }

  if (!revision || revision <= 1) {
    await notifyMember(
      container,
      review.customer_id,
      constitutionReviewNotice({ ...about, expert_name: review.expert_name ?? null })
    )
    return
  }
  const version = (await constitution.reviewVersions([review.id]))
    .get(review.id)
    ?.find((v) => v.revision === revision)
  // The revision was taken back: nothing to tell.
  if (!version) return
  await notifyMember(
    container,
    review.customer_id,
    constitutionReviewRevisedNotice({
      ...about,
      expert_name: version.expert_name ?? null,
      revision,
    })
  )
}

export const config: SubscriberConfig = {
  event: DomainEvent.CONSTITUTION_REVIEW_PUBLISHED,
}
