import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { smsSenderFromEnv } from "../lib/sms/sms-sender-from-env"
import { CONSTITUTION_MODULE } from "../modules/constitution"
import type ConstitutionModuleService from "../modules/constitution/service"
import { INBOX_MODULE } from "../modules/inbox"
import type InboxModuleService from "../modules/inbox/service"

const beijingDate = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
})

/**
 * Tells a member an expert's 养生评估报告 on their constitution result is published: an
 * inbox message linking to the report, and a text (template `constitution-review`) once
 * with it. The text names no health detail: phones show texts on the lock screen.
 */
export async function deliverConstitutionReviewNotice(
  container: MedusaContainer,
  {
    review_id,
    assessment_id,
    revision,
  }: { review_id: string; assessment_id: string; revision?: number }
) {
  if (revision && revision > 1) {
    return deliverRevisionNotice(container, { review_id, assessment_id, revision })
  }
  const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const review = (
    await constitution.reviewsOfAssessments([assessment_id], { publishedOnly: true })
  ).get(assessment_id)
  const assessment = await constitution.constitutionAssessment(assessment_id)
  // Erased from the archive (or unpublished) since: nothing to tell, nothing to retry.
  if (!review || review.id !== review_id || !assessment) return { skipped: true }

  const expert = review.expert_name ? `${review.expert_name}专家` : "专家"
  const delivered = await container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
    customer_id: review.customer_id,
    category: "constitution",
    title: "您的养生评估报告已发布",
    body: `${expert}已根据您${beijingDate.format(assessment.created_at)}的中医体质辨识结果撰写了养生评估报告，请查看饮食、运动、情志与起居建议。`,
    link: `/constitution/report/${assessment_id}`,
    dedupe_key: `constitution-review:${review_id}`,
  })
  if (delivered.created) await textMember(container, review.customer_id, expert)
  return delivered
}

/**
 * Tells a member an expert revised their report (第 N 版): inbox only, linking to the
 * report, where the new text and the 修订说明 are. The reason stays out of the message,
 * which is kept unsealed; the SMS template speaks of a first publish, so no text.
 */
async function deliverRevisionNotice(
  container: MedusaContainer,
  {
    review_id,
    assessment_id,
    revision,
  }: { review_id: string; assessment_id: string; revision: number }
) {
  const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const review = (
    await constitution.reviewsOfAssessments([assessment_id], { publishedOnly: true })
  ).get(assessment_id)
  const version = review
    ? (await constitution.reviewVersions([review.id]))
        .get(review.id)
        ?.find((v) => v.revision === revision)
    : undefined
  const assessment = await constitution.constitutionAssessment(assessment_id)
  // Erased, or the revision was taken back: nothing to tell, nothing to retry.
  if (!review || review.id !== review_id || !version || !assessment) return { skipped: true }

  const expert = version.expert_name ? `${version.expert_name}专家` : "专家"
  return container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
    customer_id: review.customer_id,
    category: "constitution",
    title: "您的养生评估报告已更新",
    body: `${expert}修订了根据您${beijingDate.format(assessment.created_at)}的中医体质辨识结果撰写的养生评估报告（第 ${revision} 版），请查看修订说明与更新后的建议。`,
    link: `/constitution/report/${assessment_id}`,
    dedupe_key: `constitution-review:${review_id}:v${revision}`,
  })
}

async function textMember(container: MedusaContainer, customerId: string, expert: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["phone"], filters: { id: customerId } })
  if (!customer?.phone) return
  try {
    await smsSenderFromEnv().send({
      phone: customer.phone,
      template: "constitution-review",
      params: { expert },
    })
  } catch (error) {
    // The inbox message is the record; a text that cannot go out must not redo it.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`[sms] constitution-review text not sent: ${(error as Error).message}`)
  }
}
