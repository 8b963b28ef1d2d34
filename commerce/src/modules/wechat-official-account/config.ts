import { isKnownDemoSecret } from "../../lib/config/known-demo-secrets"
import type { WechatLoginConfig } from "../wechat-platform/wechat-api"

/**
 * The service account (服务号): WECHAT_OA_APPID and WECHAT_OA_SECRET (also used by the web's
 * OAuth for JSAPI payments), WECHAT_OA_TOKEN (the server URL's token) and WECHAT_OA_AES_KEY
 * (the 43-character EncodingAESKey of 安全模式). WECHAT_API_BASE names the local stand-in in
 * development and tests. Read on each call, like the mini-program's settings.
 */
export type OfficialAccountConfig = WechatLoginConfig & {
  token: string
  /** Empty when safe mode is not configured: encrypted messages are then refused. */
  aesKey: string
}

export function officialAccountConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env
): OfficialAccountConfig | null {
  const appid = env.WECHAT_OA_APPID?.trim()
  const token = env.WECHAT_OA_TOKEN?.trim()
  if (!appid || !token) return null
  const aesKey = env.WECHAT_OA_AES_KEY?.trim() ?? ""
  // Production never trusts pushes signed or sealed with the stand-in's published values.
  if (env.NODE_ENV === "production" && [token, aesKey].some((v) => v && isKnownDemoSecret(v))) {
    return null
  }
  return {
    apiBase: env.WECHAT_API_BASE || "https://api.weixin.qq.com",
    appid,
    secret: env.WECHAT_OA_SECRET?.trim() ?? "",
    token,
    aesKey,
  }
}
