/** The channels of Medusa's Notification Module here, one provider each (medusa-config.ts). */
export const NotificationChannel = {
  /** The in-app inbox (消息中心): modules/notification-feed. */
  FEED: "feed",
  /** Aliyun SMS, or the log outside production: modules/notification-sms. */
  SMS: "sms",
  /** WeChat mini-program subscribe messages: modules/notification-wechat. */
  WECHAT: "wechat",
  /** Browser notifications where the member switched 消息提醒 on: modules/notification-web-push. */
  WEB_PUSH: "web-push",
} as const

export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel]

/** errcode 43101, which the wechat provider's error carries: the member did not subscribe. */
export const WECHAT_NOT_SUBSCRIBED_PATTERN = /WeChat API error 43101\b/
