/**
 * The channels a marketer can pick in 推送中心. Each maps to a Notification Module
 * channel (notifications/channels.ts), the official account to its template sender.
 */
export const MarketingChannel = {
  /** 消息中心 (always allowed; opened = the member read it). */
  INBOX: "inbox",
  SMS: "sms",
  /** Mini-program subscribe message. */
  WECHAT: "wechat",
  /** Service account template message (模板消息). */
  OFFICIAL_ACCOUNT: "wechat-oa",
  /** Browser notification where the member switched 消息提醒 on. */
  WEB_PUSH: "web-push",
} as const

export type MarketingChannel = (typeof MarketingChannel)[keyof typeof MarketingChannel]

export const MARKETING_CHANNELS = Object.values(MarketingChannel) as [
  MarketingChannel,
  ...MarketingChannel[],
]
