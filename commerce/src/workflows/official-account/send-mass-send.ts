import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../modules/wechat-official-account"
import { officialAccountConfigFromEnv } from "../../modules/wechat-official-account/config"
import {
  errcodeOf,
  massSendAll,
  uploadNews,
} from "../../modules/wechat-official-account/official-account-api"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"
import { massSendCover } from "./mass-send-cover"
import { micrositeContent } from "./microsite-content"
import type { MicrositeContentType } from "./microsite-content-types"
import { OFFICIAL_ACCOUNT_TEXT as T } from "./official-account.zh-CN"

/** WeChat's answer when the account has no mass sends left this month. */
export const NO_MASS_SEND_QUOTA = 45028

/** Mass sends a 服务号 may make per calendar month (WECHAT_OA_MASS_SEND_MONTHLY_LIMIT, WeChat: 4). */
export function massSendMonthlyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const limit = Number(env.WECHAT_OA_MASS_SEND_MONTHLY_LIMIT)
  return Number.isInteger(limit) && limit > 0 ? limit : 4
}

/** The quota's month in China: "2026-12". */
export const shanghaiMonth = (at: Date) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
  }).format(at)

export type MassSendInput = {
  content_type: MicrositeContentType
  content_id: string
  /** null: every follower; else one WeChat tag's followers. */
  tag_id: number | null
  created_by: string | null
}

/**
 * 群发 one micro-site item: checks it is flagged for the micro-site, takes one of the
 * month's sends (counted under a lock, so two marketers cannot both take the last one),
 * uploads its cover picture (once per picture, mass-send-cover.ts) and the news item, and
 * asks WeChat to send it. Every attempt is recorded with
 * WeChat's errcode; the send's outcome arrives later as MASSSENDJOBFINISH (answer-message.ts).
 * Over the limit (ours, or WeChat's 45028): recorded as refused, then 409 in Chinese.
 */
export async function sendMassSend(container: MedusaContainer, input: MassSendInput) {
  const config = officialAccountConfigFromEnv()
  if (!config) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, T.notConfigured)
  const content = await micrositeContent(container, input.content_type, input.content_id)
  const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
  const limit = massSendMonthlyLimit()
  const month = shanghaiMonth(new Date())
  const base = {
    content_type: input.content_type,
    content_id: input.content_id,
    title: content.title,
    audience: input.tag_id === null ? ("all" as const) : ("tag" as const),
    tag_id: input.tag_id,
    month,
    created_by: input.created_by,
  }
  const quotaRefused = async (errcode: number | null, errmsg: string, id?: string) => {
    const fields = { status: "refused" as const, errcode, errmsg }
    if (id) await oa.updateOfficialAccountMassSends({ id, ...fields })
    else await oa.createOfficialAccountMassSends({ ...base, ...fields })
    return new MedusaError(MedusaError.Types.CONFLICT, T.massQuotaUsed(limit))
  }

  const taken = await container.resolve(Modules.LOCKING).execute(
    `wechat-oa-mass-send:${month}`,
    async () => {
      if ((await oa.massSendsCountedIn(month)) >= limit) return null
      return oa.createOfficialAccountMassSends({ ...base, status: "sending" })
    },
    { timeout: 10, expire: 30 }
  )
  if (!taken) throw await quotaRefused(null, `monthly limit ${limit} reached`)

  const fail = async (error: unknown) => {
    const message = (error as Error).message
    return oa.updateOfficialAccountMassSends({
      id: taken.id,
      status: "failed",
      errcode: errcodeOf(error) ?? -1,
      errmsg: message.slice(0, 500),
    })
  }
  let mediaId: string
  try {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const thumbMediaId = await massSendCover(oa, config, content.cover_urls, logger)
    await oa.updateOfficialAccountMassSends({ id: taken.id, thumb_media_id: thumbMediaId })
    mediaId = await uploadNews(config, [{ ...content.news, thumb_media_id: thumbMediaId }])
  } catch (error) {
    return fail(error)
  }
  let answer: Awaited<ReturnType<typeof massSendAll>>
  try {
    // clientmsgid: WeChat refuses a repeat of the same id (45065), so a retried request
    // cannot send twice.
    answer = await massSendAll(config, {
      media_id: mediaId,
      tag_id: input.tag_id,
      clientmsgid: taken.id,
    })
  } catch (error) {
    await oa.updateOfficialAccountMassSends({ id: taken.id, media_id: mediaId })
    return fail(error)
  }
  if (answer.errcode === NO_MASS_SEND_QUOTA) {
    await oa.updateOfficialAccountMassSends({ id: taken.id, media_id: mediaId })
    throw await quotaRefused(answer.errcode, answer.errmsg, taken.id)
  }
  return oa.updateOfficialAccountMassSends({
    id: taken.id,
    media_id: mediaId,
    status: answer.errcode === 0 ? "submitted" : "failed",
    msg_id: answer.msg_id,
    msg_data_id: answer.msg_data_id,
    errcode: answer.errcode,
    errmsg: answer.errmsg,
  })
}
