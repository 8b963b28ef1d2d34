export type WechatSession = { openid: string; unionid?: string; session_key: string }

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`)
  }
}

export type WechatLoginConfig = { apiBase: string; appid: string; secret: string }

/** Mini-program login settings: WECHAT_API_BASE (a local stand-in in development), WECHAT_MINIAPP_APPID/SECRET. */
export function wechatLoginConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WechatLoginConfig {
  return {
    apiBase: env.WECHAT_API_BASE || "https://api.weixin.qq.com",
    appid: env.WECHAT_MINIAPP_APPID || "wx-dev-appid",
    secret: env.WECHAT_MINIAPP_SECRET || "wx-dev-secret",
  }
}

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
