export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`)
  }
}

export type WechatLoginConfig = { apiBase: string; appid: string; secret: string }

/** Mini-program settings: WECHAT_API_BASE (a local stand-in in development), WECHAT_MINIAPP_APPID/SECRET. */
export function wechatLoginConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WechatLoginConfig {
  return {
    apiBase: env.WECHAT_API_BASE || "https://api.weixin.qq.com",
    appid: env.WECHAT_MINIAPP_APPID || "wx-dev-appid",
    secret: env.WECHAT_MINIAPP_SECRET || "wx-dev-secret",
  }
}

/** A WeChat API call answering JSON (errcode and errmsg on failure). */
export async function wechatJson<T>(
  url: URL,
  init?: RequestInit
): Promise<T & { errcode?: number; errmsg?: string }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(8000) })
  return (await response.json()) as T & { errcode?: number; errmsg?: string }
}
