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
