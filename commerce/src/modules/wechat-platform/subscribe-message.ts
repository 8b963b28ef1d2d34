import { accessToken, isRejectedToken } from "./access-token"
import {
  WechatApiError,
  wechatJson,
  wechatLoginConfigFromEnv,
  type WechatLoginConfig,
} from "./wechat-api"

/** errcode 43101: the user has not accepted (or has used up) this template's subscription. */
export const WECHAT_NOT_SUBSCRIBED = 43101

export type SubscribeMessage = {
  touser: string
  template_id: string
  /** A mini-program page, e.g. pages/article/index?slug=... */
  page?: string
  /** Template keywords, e.g. { thing1: { value: "标题" } }; thing values at most 20 characters. */
  data: Record<string, { value: string }>
}

/**
 * Sends a subscribe message (订阅消息) through POST /cgi-bin/message/subscribe/send.
 * Resolves when WeChat answers errcode 0; throws WechatApiError otherwise (43101 when the
 * member has not subscribed to the template).
 */
export async function sendSubscribeMessage(
  message: SubscribeMessage,
  config: WechatLoginConfig = wechatLoginConfigFromEnv(),
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const body = JSON.stringify({
    ...message,
    miniprogram_state: env.WECHAT_MINIPROGRAM_STATE || "formal",
    lang: "zh_CN",
  })
  let rejected: string | undefined
  for (const retry of [false, true]) {
    const token = await accessToken(config, rejected)
    const url = new URL("/cgi-bin/message/subscribe/send", config.apiBase)
    url.search = new URLSearchParams({ access_token: token }).toString()
    const answer = await wechatJson(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    })
    if (!answer.errcode) return
    if (!retry && isRejectedToken(answer.errcode)) {
      rejected = token
      continue
    }
    throw new WechatApiError(answer.errcode, answer.errmsg ?? "subscribe/send failed")
  }
}

/** A `thing` keyword value: WeChat refuses more than 20 characters. */
export const thingValue = (text: string) =>
  [...text].length > 20 ? `${[...text].slice(0, 19).join("")}…` : text
