import type { MemberNotice } from "./member-notice"

const beijingDate = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
})

export type ConstitutionReviewData = {
  review_id: string
  assessment_id: string
  /** When the member answered the questionnaire the report is about. */
  assessed_at: string | Date
  expert_name: string | null
}

const expertOf = (name: string | null) => (name ? `${name}专家` : "专家")

/**
 * An expert's 养生评估报告 is published (template `constitution-review`): the inbox, linking
 * to the report, and a text. The text names no health detail: phones show texts on the
 * lock screen.
 */
export function constitutionReviewNotice(data: ConstitutionReviewData): MemberNotice {
  const expert = expertOf(data.expert_name)
  const key = `constitution-review:${data.review_id}`
  return {
    template: "constitution-review",
    key,
    feed: {
      category: "constitution",
      title: "您的养生评估报告已发布",
      body: `${expert}已根据您${beijingDate.format(new Date(data.assessed_at))}的中医体质辨识结果撰写了养生评估报告，请查看饮食、运动、情志与起居建议。`,
      link: `/constitution/report/${data.assessment_id}`,
      dedupe_key: key,
    },
    sms: { template: "constitution-review", params: { expert } },
  }
}

/**
 * An expert revised the report (第 N 版, template `constitution-review-revised`): inbox
 * only, linking to the report, where the new text and the 修订说明 are. The reason stays
 * out of the message, which is kept unsealed; the SMS template speaks of a first publish,
 * so no text.
 */
export function constitutionReviewRevisedNotice(
  data: ConstitutionReviewData & { revision: number }
): MemberNotice {
  const expert = expertOf(data.expert_name)
  const key = `constitution-review:${data.review_id}:v${data.revision}`
  return {
    template: "constitution-review-revised",
    key,
    feed: {
      category: "constitution",
      title: "您的养生评估报告已更新",
      body: `${expert}修订了根据您${beijingDate.format(new Date(data.assessed_at))}的中医体质辨识结果撰写的养生评估报告（第 ${data.revision} 版），请查看修订说明与更新后的建议。`,
      link: `/constitution/report/${data.assessment_id}`,
      dedupe_key: key,
    },
  }
}
