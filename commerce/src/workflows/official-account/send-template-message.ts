import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { notificationPreferencesOf } from "../../lib/push/notification-preferences"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../modules/wechat-official-account"
import { errcodeOf } from "../../modules/wechat-official-account/official-account-api"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"
import type { OfficialAccountNotice } from "../../modules/notification-wechat-oa/service"

/** The Notification Module channel of template messages (medusa-config.ts). */
export const OFFICIAL_ACCOUNT_CHANNEL = "wechat-oa"

export type TemplateOutcome = "sent" | "already_sent" | "failed" | "opted_out" | "not_following"

/**
 * Sends one notice to a member as a template message of the service account, when they
 * follow it with a linked openid and have not switched WeChat messages off (the same
 * preference as mini-program messages). Once per notice key: the Notification Module's
 * idempotency key holds a redelivered event back, and each outcome, WeChat's errcode
 * included, is logged once in the module (wechat_oa_template_send).
 */
export async function sendOfficialAccountTemplate(
  container: MedusaContainer,
  input: {
    customer_id: string
    notice_key: string
    template: string
    notice: OfficialAccountNotice
  }
): Promise<TemplateOutcome> {
  const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const record = (
    outcome: Exclude<TemplateOutcome, "already_sent">,
    openid: string | null,
    errcode: number | null = null,
    errmsg: string | null = null,
    msgId: string | null = null
  ) =>
    oa.recordTemplateSend({
      notice_key: input.notice_key,
      customer_id: input.customer_id,
      openid,
      template_id: input.notice.template_id,
      outcome,
      errcode,
      errmsg,
      msg_id: msgId,
    })

  const {
    data: [customer],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["metadata"],
    filters: { id: input.customer_id },
  })
  const follower = await oa.followingFollowerOf(input.customer_id)
  if (!follower) {
    await record("not_following", null)
    return "not_following"
  }
  if (!notificationPreferencesOf(customer?.metadata).wechat) {
    await record("opted_out", follower.openid)
    return "opted_out"
  }
  try {
    const created = await container
      .resolve<INotificationModuleService>(Modules.NOTIFICATION)
      .createNotifications({
        to: follower.openid,
        receiver_id: input.customer_id,
        channel: OFFICIAL_ACCOUNT_CHANNEL,
        template: input.template,
        data: input.notice as unknown as Record<string, unknown>,
        idempotency_key: `${input.notice_key}:${OFFICIAL_ACCOUNT_CHANNEL}`,
      })
    if (!created) return "already_sent"
    // WeChat's msgid (the provider's answer): its TEMPLATESENDJOBFINISH report names it.
    await record("sent", follower.openid, 0, "ok", created.external_id ?? null)
    return "sent"
  } catch (error) {
    const message = (error as Error).message
    logger.warn(
      `[${OFFICIAL_ACCOUNT_CHANNEL}] ${input.template} to ${input.customer_id} not sent: ${message}`
    )
    await record("failed", follower.openid, errcodeOf(error) ?? -1, message.slice(0, 500))
    return "failed"
  }
}
