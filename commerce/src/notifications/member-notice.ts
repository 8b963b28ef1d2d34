import type { SmsMessage } from "../lib/sms/sms-sender"

/** What the feed channel (消息中心) shows: one inbox message, kept once per dedupe key. */
export type FeedNotice = {
  category: string
  title: string
  body: string
  link: string | null
  dedupe_key: string
}

/** An approved SMS template and its parameters (no health detail: lock screens show texts). */
export type SmsNotice = { template: SmsMessage["template"]; params: Record<string, string> }

/** A WeChat subscribe message: template, mini-program page and keywords. */
export type WechatNotice = {
  template_id: string
  page: string
  data: Record<string, { value: string }>
}

/**
 * One notice to a member, rendered by a domain's zh-CN template file: always the inbox,
 * and a text and a WeChat message where the notice asks something of the member. `key`
 * names the notice once; each channel's idempotency key is built from it.
 */
export type MemberNotice = {
  template: string
  key: string
  feed: FeedNotice
  sms?: SmsNotice
  wechat?: WechatNotice
}
