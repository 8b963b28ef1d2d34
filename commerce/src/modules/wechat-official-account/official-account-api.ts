import { accessToken, isRejectedToken } from "../wechat-platform/access-token"
import { WechatApiError, wechatJson } from "../wechat-platform/wechat-api"
import type { OfficialAccountConfig } from "./config"

type Answer<T> = T & { errcode?: number; errmsg?: string }

/**
 * One call of the service account's API with its own access_token (POST /cgi-bin/stable_token
 * with its appid, kept in Redis like the mini-program's): fetched again once when WeChat
 * refuses it. Answers WeChat's body, errcode included; the caller decides what an errcode means.
 */
async function call<T>(
  config: OfficialAccountConfig,
  path: string,
  init: { query?: Record<string, string>; body?: unknown; form?: () => FormData } = {}
): Promise<Answer<T>> {
  let rejected: string | undefined
  for (const retry of [false, true]) {
    const token = await accessToken(config, rejected)
    const url = new URL(path, config.apiBase)
    url.search = new URLSearchParams({ ...init.query, access_token: token }).toString()
    // A form is built per attempt: a retried request cannot reuse a sent body.
    const answer = await wechatJson<T>(
      url,
      init.form
        ? { method: "POST", body: init.form() }
        : init.body === undefined
          ? undefined
          : {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(init.body),
            }
    )
    if (!retry && isRejectedToken(answer.errcode)) {
      rejected = token
      continue
    }
    return answer
  }
  throw new WechatApiError(0, "unreachable")
}

export type OfficialAccountUser = {
  subscribe: number
  openid: string
  unionid?: string
  subscribe_time?: number
}

/** GET /cgi-bin/user/info: whether the openid follows, and its unionid when the account has one. */
export async function officialAccountUser(
  config: OfficialAccountConfig,
  openid: string
): Promise<OfficialAccountUser> {
  const answer = await call<OfficialAccountUser>(config, "/cgi-bin/user/info", {
    query: { openid, lang: "zh_CN" },
  })
  if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? "user/info failed")
  return answer
}

/** A button of the custom menu as WeChat takes it (menu/create's `button`). */
export type MenuButton = {
  name: string
  type?: "click" | "view" | "miniprogram"
  key?: string
  url?: string
  appid?: string
  pagepath?: string
  sub_button?: MenuButton[]
}

/** POST /cgi-bin/menu/create: replaces the account's menu; answers WeChat's errcode (0: done). */
export async function createMenu(
  config: OfficialAccountConfig,
  button: MenuButton[]
): Promise<{ errcode: number; errmsg: string }> {
  const answer = await call<object>(config, "/cgi-bin/menu/create", { body: { button } })
  return { errcode: answer.errcode ?? 0, errmsg: answer.errmsg ?? "ok" }
}

export type TemplateMessage = {
  touser: string
  template_id: string
  /** A web page opened from the message. */
  url?: string
  /** Or a mini-program page (WeChat prefers it when the mini-program is linked). */
  miniprogram?: { appid: string; pagepath: string }
  data: Record<string, { value: string }>
}

/** POST /cgi-bin/message/template/send; throws WechatApiError with WeChat's errcode. */
export async function sendTemplateMessage(
  config: OfficialAccountConfig,
  message: TemplateMessage
): Promise<{ msgid: number | null }> {
  const answer = await call<{ msgid?: number }>(config, "/cgi-bin/message/template/send", {
    body: message,
  })
  if (answer.errcode) {
    throw new WechatApiError(answer.errcode, answer.errmsg ?? "template/send failed")
  }
  return { msgid: answer.msgid ?? null }
}

/** WeChat's errcode in a WechatApiError's message ("WeChat API error 43004: …"), or null. */
export function errcodeOf(error: unknown): number | null {
  if (error instanceof WechatApiError) return error.errcode
  const match = /WeChat API error (-?\d+)/.exec((error as Error)?.message ?? "")
  return match ? Number(match[1]) : null
}

/** One article of a 图文消息 (news) for 群发, as media/uploadnews takes it. */
export type NewsArticle = {
  title: string
  author?: string
  digest?: string
  /** HTML; WeChat strips scripts and external links. */
  content: string
  /** 阅读原文: the page on our micro-site. */
  content_source_url?: string
  thumb_media_id?: string
  show_cover_pic?: 0 | 1
}

/** WeChat's limits for a thumb material: a JPEG of at most 64 KB. */
export const THUMB_MAX_BYTES = 64 * 1024

/**
 * POST /cgi-bin/material/add_material?type=thumb: a cover picture as permanent material
 * (multipart, field `media`). Its media_id is what a news article's thumb_media_id names.
 * Throws WechatApiError with WeChat's errcode (40005 not a JPEG, 40006 too large, …).
 */
export async function addThumbMaterial(
  config: OfficialAccountConfig,
  picture: { bytes: Uint8Array; filename: string }
): Promise<{ media_id: string; url: string | null }> {
  const answer = await call<{ media_id?: string; url?: string }>(
    config,
    "/cgi-bin/material/add_material",
    {
      query: { type: "thumb" },
      form: () => {
        const form = new FormData()
        const blob = new Blob([new Uint8Array(picture.bytes)], { type: "image/jpeg" })
        form.append("media", blob, picture.filename)
        return form
      },
    }
  )
  if (answer.errcode || !answer.media_id) {
    throw new WechatApiError(answer.errcode ?? -1, answer.errmsg ?? "add_material failed")
  }
  return { media_id: answer.media_id, url: answer.url ?? null }
}

/** POST /cgi-bin/media/uploadnews: the news item a mass send sends; its media_id. */
export async function uploadNews(
  config: OfficialAccountConfig,
  articles: NewsArticle[]
): Promise<string> {
  const answer = await call<{ media_id?: string }>(config, "/cgi-bin/media/uploadnews", {
    body: { articles },
  })
  if (answer.errcode || !answer.media_id) {
    throw new WechatApiError(answer.errcode ?? -1, answer.errmsg ?? "uploadnews failed")
  }
  return answer.media_id
}

/**
 * POST /cgi-bin/message/mass/sendall with an uploaded news item, to every follower or to
 * one tag's. Answers WeChat's errcode (45028: no mass-send quota left this month) and, when
 * accepted, msg_id: its MASSSENDJOBFINISH event names the outcome later.
 */
export async function massSendAll(
  config: OfficialAccountConfig,
  input: { media_id: string; tag_id: number | null; clientmsgid: string }
): Promise<{ errcode: number; errmsg: string; msg_id: string | null; msg_data_id: string | null }> {
  const answer = await call<{ msg_id?: number | string; msg_data_id?: number | string }>(
    config,
    "/cgi-bin/message/mass/sendall",
    {
      body: {
        filter:
          input.tag_id === null ? { is_to_all: true } : { is_to_all: false, tag_id: input.tag_id },
        mpnews: { media_id: input.media_id },
        msgtype: "mpnews",
        send_ignore_reprint: 0,
        clientmsgid: input.clientmsgid,
      },
    }
  )
  return {
    errcode: answer.errcode ?? 0,
    errmsg: answer.errmsg ?? "ok",
    msg_id: answer.msg_id === undefined ? null : String(answer.msg_id),
    msg_data_id: answer.msg_data_id === undefined ? null : String(answer.msg_data_id),
  }
}
