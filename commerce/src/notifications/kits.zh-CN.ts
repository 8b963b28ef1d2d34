import { KIT_STATUS_LABELS, type KitStatus } from "../lib/kits/kit-status"
import { MINIPROGRAM_PAGES } from "../lib/wechat/miniprogram-pages"
import { thingValue } from "../modules/wechat-platform/subscribe-message"
import type { MemberNotice } from "./member-notice"

/** What the member is told in the inbox when a kit reaches a status. */
export const KIT_STATUS_NOTICES: Partial<Record<KitStatus, string>> = {
  shipped: "采样盒已寄出，收到后请在“健康档案”中激活条码再采样。",
  activated: "条码已激活，请按说明采样并寄回实验室。",
  received: "实验室已收到您的样本，即将开始检测。",
  testing: "您的样本正在检测中，报告出具后会第一时间通知您。",
  report_ready: "您的检测报告已出，可在“健康档案”中查看和下载。",
  rejected: "很抱歉，样本未通过质检，请按说明重新采样并寄回。",
  cancelled: "订单已取消，对应的检测盒已作废。",
}

/**
 * The kit steps that ask something of the member, so also go by SMS and WeChat: the
 * parcel, a failed sample, the report. The subscribe message says the status keyword (a
 * `phrase`, five characters at most) and what to do next (a `thing`, twenty at most).
 */
export const KIT_STATUS_WECHAT: Partial<Record<KitStatus, { phrase: string; hint: string }>> = {
  shipped: { phrase: "已寄出", hint: "收到后请先激活条码再采样" },
  rejected: { phrase: "需重新采样", hint: "样本未通过质检，请重新采样寄回" },
  report_ready: { phrase: "报告已出", hint: "点击查看和下载您的检测报告" },
}

export type KitStatusNoticeData = {
  kit_id: string
  event_id: string
  status: KitStatus
  product_title: string
  /** 本人 is not named; anyone else by their relation (配偶, 子女, …). */
  relation_label: string | null
  /** Staff's note on the step; shown for a rejected sample. */
  note: string | null
}

/** A kit's new status (template `kit-status`), or null for statuses members are not told. */
export function kitStatusNotice(data: KitStatusNoticeData): MemberNotice | null {
  const notice = KIT_STATUS_NOTICES[data.status]
  if (!notice) return null
  const who = data.relation_label ? `（${data.relation_label}）` : ""
  const label = KIT_STATUS_LABELS[data.status]
  const wording = KIT_STATUS_WECHAT[data.status]
  return {
    template: "kit-status",
    key: `kit-status:${data.event_id}`,
    feed: {
      category: "kit",
      title: `${data.product_title}${who}：${label}`,
      body: data.note && data.status === "rejected" ? `${notice}原因：${data.note}` : notice,
      link: `/account/health/kits/${data.kit_id}`,
      dedupe_key: `kit-status:${data.event_id}`,
    },
    ...(wording
      ? {
          sms: {
            template: "kit-status" as const,
            params: { product: data.product_title, status: label },
          },
          // Template WECHAT_SUBSCRIBE_TEMPLATE_KIT_STATUS: thing1 product, phrase2 status,
          // thing3 what to do.
          wechat: {
            template_id:
              process.env.WECHAT_SUBSCRIBE_TEMPLATE_KIT_STATUS || "dev-kit-status-template",
            page: `${MINIPROGRAM_PAGES.kits}?kit=${data.kit_id}`,
            data: {
              thing1: { value: thingValue(data.product_title) },
              phrase2: { value: wording.phrase },
              thing3: { value: wording.hint },
            },
          },
        }
      : {}),
  }
}
