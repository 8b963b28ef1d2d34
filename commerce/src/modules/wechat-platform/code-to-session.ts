import { WechatApiError, type WechatLoginConfig } from "./wechat-api"

export type WechatSession = { openid: string; unionid?: string; session_key: string }

/** Exchanges a `wx.login` code for the user's openid (and unionid when the app is in an open platform account). */
export async function codeToSession(
  config: WechatLoginConfig,
  code: string
): Promise<WechatSession> {
  const url = new URL("/sns/jscode2session", config.apiBase)
  url.search = new URLSearchParams({
    appid: config.appid,
    secret: config.secret,
    js_code: code,
    grant_type: "authorization_code",
  }).toString()
  const response = await fetch(url, { signal: AbortSignal.timeout(8000) })
  const body = (await response.json()) as Partial<WechatSession> & {
    errcode?: number
    errmsg?: string
  }
  if (body.errcode || !body.openid) {
    throw new WechatApiError(body.errcode ?? response.status, body.errmsg ?? "no openid")
  }
  return { openid: body.openid, unionid: body.unionid, session_key: body.session_key ?? "" }
}
