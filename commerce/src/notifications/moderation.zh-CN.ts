import type { MemberNotice } from "./member-notice"

export type ModerationOutcomeData = {
  item_id: string
  /** What was moderated, in words: 陪诊评价 … */
  what: string
  outcome: "approved" | "edited" | "rejected"
  reason: string | null
  link: string | null
}

const OUTCOMES: Record<ModerationOutcomeData["outcome"], (d: ModerationOutcomeData) => string> = {
  approved: (d) => `您提交的${d.what}已通过平台审核，现已展示。`,
  edited: (d) => `您提交的${d.what}含不宜展示的内容，平台已删改后展示。`,
  rejected: (d) =>
    `您提交的${d.what}未通过平台审核，不会展示。原因：${d.reason ?? "内容不符合社区规范"}`,
}

/** Tells the author what staff decided about what they wrote (template `moderation-outcome`). */
export function moderationOutcomeNotice(data: ModerationOutcomeData): MemberNotice {
  const key = `moderation-outcome:${data.item_id}:${data.outcome}`
  return {
    template: "moderation-outcome",
    key,
    feed: {
      category: "moderation",
      title: data.outcome === "rejected" ? "内容未通过审核" : "内容已通过审核",
      body: OUTCOMES[data.outcome](data),
      link: data.link,
      dedupe_key: key,
    },
  }
}
