import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { publicOrigin } from "../../lib/config/public-origins"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../modules/wechat-official-account"
import { signBindToken } from "../../modules/wechat-official-account/bind-token"
import type { OfficialAccountConfig } from "../../modules/wechat-official-account/config"
import {
  buildMessageXml,
  MalformedXmlError,
  textField,
  type XmlFields,
} from "../../modules/wechat-official-account/message-xml"
import { officialAccountUser } from "../../modules/wechat-official-account/official-account-api"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"
import { customerOfUnionid } from "./customer-of-unionid"
import { OFFICIAL_ACCOUNT_TEXT } from "./official-account.zh-CN"

/** user/info on a follow must not eat WeChat's 5 s: without an answer by then, no unionid. */
const USER_INFO_BUDGET_MS = 2000

/** The fields every message and event carries; a message without them is malformed. */
export type InboundMessage = {
  openid: string
  account: string
  createTime: number
  msgType: string
  msgId?: string
  event?: string
  eventKey?: string
  content?: string
  /** MASSSENDJOBFINISH: the outcome of a mass send (群发), by its MsgID. */
  massJob?: {
    msg_id: string
    job_status: string
    total_count: number | null
    filter_count: number | null
    sent_count: number | null
    error_count: number | null
  }
  /** TEMPLATESENDJOBFINISH: a template message's delivery, by its MsgID. */
  templateJob?: { msg_id: string; status: string }
}

const countField = (fields: XmlFields, name: string) => {
  const value = Number(textField(fields, name))
  return textField(fields, name) !== undefined && Number.isInteger(value) ? value : null
}

function massJobOf(fields: XmlFields): InboundMessage["massJob"] {
  const msgId = textField(fields, "MsgID") || textField(fields, "MsgId")
  if (!msgId) return undefined
  return {
    msg_id: msgId,
    job_status: textField(fields, "Status") ?? "",
    total_count: countField(fields, "TotalCount"),
    filter_count: countField(fields, "FilterCount"),
    sent_count: countField(fields, "SentCount"),
    error_count: countField(fields, "ErrorCount"),
  }
}

function templateJobOf(fields: XmlFields): InboundMessage["templateJob"] {
  const msgId = textField(fields, "MsgID") || textField(fields, "MsgId")
  const status = textField(fields, "Status")
  return msgId && status ? { msg_id: msgId, status } : undefined
}

export function inboundMessageOf(fields: XmlFields): InboundMessage {
  const openid = textField(fields, "FromUserName")
  const account = textField(fields, "ToUserName")
  const createTime = Number(textField(fields, "CreateTime"))
  const msgType = textField(fields, "MsgType")
  if (!openid || !account || !msgType || !Number.isInteger(createTime)) {
    throw new MalformedXmlError("FromUserName, ToUserName, CreateTime and MsgType are required")
  }
  const event = textField(fields, "Event")?.toLowerCase() || undefined
  return {
    openid,
    account,
    createTime,
    msgType: msgType.toLowerCase(),
    msgId: textField(fields, "MsgId") || undefined,
    event,
    eventKey: textField(fields, "EventKey") || undefined,
    content: textField(fields, "Content"),
    ...(event === "masssendjobfinish" ? { massJob: massJobOf(fields) } : {}),
    ...(event === "templatesendjobfinish" ? { templateJob: templateJobOf(fields) } : {}),
  }
}

/**
 * WeChat retries with the same MsgId, or for events the same sender and CreateTime; two
 * delivery reports to one follower in the same second differ by the message they report.
 */
export const dedupeKeyOf = (m: InboundMessage) =>
  m.msgId
    ? `msg:${m.msgId}`
    : `event:${m.openid}:${m.createTime}:${m.event ?? m.msgType}` +
      (m.templateJob ? `:${m.templateJob.msg_id}` : "")

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([
    promise,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref()),
  ])
}

/**
 * A follow: the follower is recorded, linked to a member by unionid when user/info gives
 * one that a member signed in with, and welcomed; a follower with no member yet gets a
 * bind link (a signed, 30-minute URL to the web's sign-in, which binds on success).
 */
async function onFollow(
  container: MedusaContainer,
  config: OfficialAccountConfig,
  message: InboundMessage
): Promise<string> {
  const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const user = await withTimeout(
    officialAccountUser(config, message.openid).catch((error: Error) => {
      logger.warn(`[official-account] user/info for a follow failed: ${error.message}`)
      return null
    }),
    USER_INFO_BUDGET_MS
  )
  const follower = await oa.recordFollow({
    openid: message.openid,
    unionid: user?.unionid ?? null,
    at: new Date(message.createTime * 1000),
  })
  let customerId = follower.customer_id
  if (!customerId && follower.unionid) {
    customerId = await customerOfUnionid(container, follower.unionid)
    if (customerId) await oa.linkFollower(message.openid, customerId, "unionid")
  }
  const welcome = (await oa.replyFor("follow", "")) ?? OFFICIAL_ACCOUNT_TEXT.welcome
  if (customerId || !config.secret) return welcome
  const url = new URL("/account/sign-in", publicOrigin("storefront"))
  url.searchParams.set("oa_bind", signBindToken(message.openid, config.secret))
  return `${welcome}\n\n${OFFICIAL_ACCOUNT_TEXT.bindInvite(url.toString())}`
}

async function replyText(
  container: MedusaContainer,
  config: OfficialAccountConfig,
  message: InboundMessage
): Promise<string | null> {
  const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
  if (message.msgType === "event") {
    switch (message.event) {
      case "subscribe":
        return onFollow(container, config, message)
      case "unsubscribe":
        await oa.recordUnfollow(message.openid, new Date(message.createTime * 1000))
        return null
      case "click":
        return message.eventKey ? oa.replyFor("click", message.eventKey) : null
      case "masssendjobfinish":
        if (message.massJob) await oa.finishMassSend(message.massJob)
        return null
      case "templatesendjobfinish":
        if (message.templateJob) {
          await oa.reportTemplateDelivery({
            ...message.templateJob,
            at: new Date(message.createTime * 1000),
          })
        }
        return null
      default:
        return null
    }
  }
  if (message.msgType === "text" && message.content) return oa.replyFor("keyword", message.content)
  return null
}

/**
 * The passive reply (被动回复) to one delivered message, as plaintext XML, or null for none
 * ("success"). A retry of a message already taken gets the first delivery's reply and
 * changes nothing. Not a workflow: it must answer within WeChat's 5 s and touches only the
 * module's own rows.
 */
export async function answerMessage(
  container: MedusaContainer,
  config: OfficialAccountConfig,
  message: InboundMessage
): Promise<string | null> {
  const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
  const claim = await oa.claimInbound({
    dedupe_key: dedupeKeyOf(message),
    openid: message.openid,
    msg_type: message.msgType,
    event: message.event ?? null,
    content: message.content?.slice(0, 2000) ?? null,
  })
  if (!claim.fresh) return claim.reply_xml
  const text = await replyText(container, config, message)
  const xml = text
    ? buildMessageXml({
        ToUserName: message.openid,
        FromUserName: message.account,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: "text",
        Content: text,
      })
    : null
  if (xml) await oa.saveInboundReply(claim.id, xml)
  return xml
}
