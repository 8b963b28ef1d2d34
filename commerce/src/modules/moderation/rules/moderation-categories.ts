/** The word list's categories, with the label staff read. */
export const MODERATION_CATEGORIES = ["medical_ad", "illegal", "contact", "abuse", "other"] as const
export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number]

export const MODERATION_CATEGORY_LABELS: Record<ModerationCategory, string> = {
  medical_ad: "医疗广告",
  illegal: "违法",
  contact: "联系方式",
  abuse: "辱骂",
  other: "其他",
}

/** Kinds of content that pass moderation (profile and public report text join as they are shown). */
export const MODERATION_SOURCE_TYPES = [
  "escort_review",
  "escort_message",
  "escort_profile",
  "service_report",
] as const
export type ModerationSourceType = (typeof MODERATION_SOURCE_TYPES)[number]

export const MODERATION_SOURCE_LABELS: Record<ModerationSourceType, string> = {
  escort_review: "陪诊评价",
  escort_message: "陪诊消息",
  escort_profile: "陪诊员简介",
  service_report: "服务报告",
}

export const MODERATION_AUTHOR_TYPES = ["member", "escort"] as const
export type ModerationAuthorType = (typeof MODERATION_AUTHOR_TYPES)[number]

export const MODERATION_STATUSES = ["pending", "approved", "rejected"] as const
export type ModerationStatus = (typeof MODERATION_STATUSES)[number]

export const MODERATION_STATUS_LABELS: Record<ModerationStatus, string> = {
  pending: "待审核",
  approved: "已通过",
  rejected: "已驳回",
}
