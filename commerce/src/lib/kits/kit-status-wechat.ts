import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notificationPreferencesOf } from "../push/notification-preferences"
import { WechatApiError } from "../wechat/code-to-session"
import { openidOfCustomer } from "../wechat/openid-of-customer"
import {
  sendSubscribeMessage,
  thingValue,
  WECHAT_NOT_SUBSCRIBED,
} from "../wechat/subscribe-message"
import { MINIPROGRAM_PAGES } from "../wechat/miniprogram-pages"
import type { KitStatus } from "./kit-status"

/**
 * What the subscribe message says per step: the status keyword (a `phrase`, five
 * characters at most) and what to do next (a `thing`, twenty at most).
 */
export const KIT_STATUS_WECHAT: Partial<Record<KitStatus, { phrase: string; hint: string }>> = {
  shipped: { phrase: "已寄出", hint: "收到后请先激活条码再采样" },
  rejected: { phrase: "需重新采样", hint: "样本未通过质检，请重新采样寄回" },
  report_ready: { phrase: "报告已出", hint: "点击查看和下载您的检测报告" },
}

export type KitStatusWechatOutcome =
  | "sent"
  | "opted_out"
  | "no_openid"
  | "not_subscribed"
  | "failed"
  | "not_applicable"

/**
 * Tells a member of a kit step by WeChat subscribe message (template
 * WECHAT_SUBSCRIBE_TEMPLATE_KIT_STATUS: thing1 product, phrase2 status, thing3 what to do),
 * if they signed in with WeChat and have not switched the channel off. The inbox message
 * is the record, so a message that cannot go out is logged, never retried.
 */
export async function sendKitStatusWechat(
  container: MedusaContainer,
  input: {
    customer_id: string
    metadata: Record<string, unknown> | null | undefined
    kit_id: string
    product: string
    status: KitStatus
  }
): Promise<KitStatusWechatOutcome> {
  const wording = KIT_STATUS_WECHAT[input.status]
  if (!wording) return "not_applicable"
  if (!notificationPreferencesOf(input.metadata).wechat) return "opted_out"
  const openid = await openidOfCustomer(container, input.customer_id)
  if (!openid) return "no_openid"
  try {
    await sendSubscribeMessage({
      touser: openid,
      template_id: process.env.WECHAT_SUBSCRIBE_TEMPLATE_KIT_STATUS || "dev-kit-status-template",
      page: `${MINIPROGRAM_PAGES.kits}?kit=${input.kit_id}`,
      data: {
        thing1: { value: thingValue(input.product) },
        phrase2: { value: wording.phrase },
        thing3: { value: wording.hint },
      },
    })
    return "sent"
  } catch (error) {
    if (error instanceof WechatApiError && error.errcode === WECHAT_NOT_SUBSCRIBED) {
      return "not_subscribed"
    }
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `[wechat] kit-status message to ${input.customer_id} not sent: ${(error as Error).message}`
      )
    return "failed"
  }
}
