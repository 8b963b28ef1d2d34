import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityProviderService,
} from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"
import { codeToSession } from "../wechat-platform/code-to-session"
import { WechatApiError, wechatLoginConfigFromEnv } from "../wechat-platform/wechat-api"

/**
 * Mini-program sign-in: `wx.login` code → code2session → the WeChat user. The identity
 * is keyed by unionid when WeChat gives one (the same person across our WeChat apps),
 * else by openid; both are kept, the session key never is.
 */
export class WechatAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = "wechat"
  static DISPLAY_NAME = "微信登录"

  async authenticate(
    data: AuthenticationInput,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    const code = (data.body as { code?: unknown } | undefined)?.code
    if (typeof code !== "string" || !code.trim()) {
      return { success: false, error: "缺少微信登录凭证 code，请重新打开小程序" }
    }
    let session
    try {
      session = await codeToSession(wechatLoginConfigFromEnv(), code.trim())
    } catch (error) {
      if (error instanceof WechatApiError) {
        return { success: false, error: "微信登录凭证无效或已过期，请重试" }
      }
      throw error
    }
    const entityId = session.unionid ? `unionid:${session.unionid}` : `openid:${session.openid}`
    const metadata = { openid: session.openid, unionid: session.unionid ?? null }
    try {
      const authIdentity = await authIdentityService.retrieve({ entity_id: entityId })
      return { success: true, authIdentity }
    } catch (error) {
      if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) throw error
      const authIdentity = await authIdentityService.create({
        entity_id: entityId,
        user_metadata: metadata,
      })
      return { success: true, authIdentity }
    }
  }

  async register(): Promise<AuthenticationResponse> {
    return { success: false, error: "微信首次登录即自动注册，请直接登录" }
  }
}
