import { publicOrigin } from "../lib/config/public-origins"
import { MINIPROGRAM_PAGES } from "../lib/wechat/miniprogram-pages"
import { thingValue } from "../modules/wechat-platform/subscribe-message"
import type { OfficialAccountNotice } from "../modules/notification-wechat-oa/service"

const shanghaiTime = (at: Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  })
    .format(at)
    .replace(/\//g, "-")

/**
 * The report-ready template message of the service account (WECHAT_OA_TEMPLATE_REPORT_READY:
 * thing1 product, phrase2 status, time3 when), opening the kit on the web, or in the
 * mini-program when WECHAT_MINIAPP_APPID names one linked to the account. No health detail:
 * the message shows on the lock screen.
 */
export function reportReadyTemplate(input: {
  kit_id: string
  product_title: string
  at: Date
}): OfficialAccountNotice {
  const miniappId = process.env.WECHAT_MINIAPP_APPID?.trim()
  return {
    template_id: process.env.WECHAT_OA_TEMPLATE_REPORT_READY || "dev-oa-report-ready-template",
    url: `${publicOrigin("storefront")}/account/health/kits/${input.kit_id}`,
    ...(miniappId
      ? {
          miniprogram: {
            appid: miniappId,
            pagepath: `${MINIPROGRAM_PAGES.kits}?kit=${input.kit_id}`,
          },
        }
      : {}),
    data: {
      thing1: { value: thingValue(input.product_title) },
      phrase2: { value: "报告已出" },
      time3: { value: shanghaiTime(input.at) },
    },
  }
}

/**
 * The member events the service account tells a follower of, each with its template id
 * (env, with a development placeholder). Every template here has the same keywords as the
 * report-ready one: thing1 what (a product, a service), phrase2 its new state, time3 when;
 * choose templates of that shape in 公众号后台 → 模板消息.
 */
export const MEMBER_EVENT_TEMPLATES = {
  order_paid: { env: "WECHAT_OA_TEMPLATE_ORDER_PAID", template: "order-paid" },
  kit_shipping: { env: "WECHAT_OA_TEMPLATE_KIT_SHIPPING", template: "kit-shipping" },
  appointment_confirmed: {
    env: "WECHAT_OA_TEMPLATE_APPOINTMENT_CONFIRMED",
    template: "appointment-confirmed",
  },
  appointment_reminder: {
    env: "WECHAT_OA_TEMPLATE_APPOINTMENT_REMINDER",
    template: "appointment-reminder",
  },
  escort_booking: { env: "WECHAT_OA_TEMPLATE_ESCORT_BOOKING", template: "escort-booking" },
  consultation: { env: "WECHAT_OA_TEMPLATE_CONSULTATION", template: "consultation" },
} as const

export type MemberEventKind = keyof typeof MEMBER_EVENT_TEMPLATES

/** A member event as a template message opening `path` of the web storefront. */
export function memberEventTemplate(
  kind: MemberEventKind,
  input: { subject: string; status: string; at: Date; path: string }
): { template: string; notice: OfficialAccountNotice } {
  const { env, template } = MEMBER_EVENT_TEMPLATES[kind]
  return {
    template,
    notice: {
      template_id: process.env[env]?.trim() || `dev-oa-${template}-template`,
      url: `${publicOrigin("storefront")}${input.path}`,
      data: {
        thing1: { value: thingValue(input.subject) },
        phrase2: { value: input.status.slice(0, 5) },
        time3: { value: shanghaiTime(input.at) },
      },
    },
  }
}
