/**
 * Paying inside WeChat's own browser: WeChat Pay's JSAPI needs the payer's openid for the
 * shop's official account (公众号), which WeChat hands out through its web OAuth
 * (snsapi_base: silent, no consent screen). Without an official account configured the
 * shop shows the Native QR code instead, to long-press.
 */
export type OfficialAccount = {
  appid: string
  secret: string
  /** api.weixin.qq.com, or the local stand-in in development and tests. */
  apiBase: string
  /** open.weixin.qq.com (the authorize page), or the stand-in. */
  openBase: string
}

export const OPENID_COOKIE = "wx_oa_openid"
export const OAUTH_STATE_COOKIE = "wx_oa_state"

export function officialAccountFromEnv(env: NodeJS.ProcessEnv = process.env) {
  if (!env.WECHAT_OA_APPID || !env.WECHAT_OA_SECRET) return null
  return {
    appid: env.WECHAT_OA_APPID,
    secret: env.WECHAT_OA_SECRET,
    apiBase: (env.WECHAT_API_BASE || "https://api.weixin.qq.com").replace(/\/$/, ""),
    openBase: (env.WECHAT_OPEN_BASE || "https://open.weixin.qq.com").replace(/\/$/, ""),
  } satisfies OfficialAccount
}

export function isWechatBrowser(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent)
}

/** WeChat's authorize page, which comes back to `redirectUri` with `code` and `state`. */
export function oauthAuthorizeUrl(account: OfficialAccount, redirectUri: string, state: string) {
  const params = new URLSearchParams({
    appid: account.appid,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "snsapi_base",
    state,
  })
  // WeChat requires the parameters in this order and the #wechat_redirect fragment.
  return `${account.openBase}/connect/oauth2/authorize?${params}#wechat_redirect`
}

/** The payer's openid for a one-time OAuth code; throws with WeChat's errmsg. */
export async function openidForCode(
  account: OfficialAccount,
  code: string,
  fetchImpl: typeof fetch = fetch
): Promise<string> {
  const params = new URLSearchParams({
    appid: account.appid,
    secret: account.secret,
    code,
    grant_type: "authorization_code",
  })
  const response = await fetchImpl(`${account.apiBase}/sns/oauth2/access_token?${params}`, {
    cache: "no-store",
  })
  const body = (await response.json()) as { openid?: string; errcode?: number; errmsg?: string }
  if (!body.openid)
    throw new Error(`WeChat OAuth ${body.errcode ?? response.status}: ${body.errmsg}`)
  return body.openid
}
