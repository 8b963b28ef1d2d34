import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { codeToSession, type WechatSession } from "./code-to-session"
import { getUnlimitedCode, type CodeImage, type UnlimitedCodeRequest } from "./unlimited-code"
import { userPhoneNumber } from "./user-phone-number"
import { wechatLoginConfigFromEnv, type WechatLoginConfig } from "./wechat-api"

type InjectedDependencies = { __pg_connection__: Knex }

/**
 * The WeChat mini-program platform (api.weixin.qq.com, or the local stand-in named by
 * WECHAT_API_BASE): sign-in codes, shared phone numbers, 小程序码, and which openid a
 * member signed in with. The access token these calls need is kept in Redis (token-cache),
 * so every server and worker uses one token. No tables of its own.
 */
export default class WechatPlatformModuleService {
  protected readonly pg_: Knex

  constructor({ __pg_connection__ }: InjectedDependencies) {
    this.pg_ = __pg_connection__
  }

  /** The settings in use, read from the environment on each call like before. */
  config(): WechatLoginConfig {
    return wechatLoginConfigFromEnv()
  }

  codeToSession(code: string): Promise<WechatSession> {
    return codeToSession(this.config(), code)
  }

  userPhoneNumber(code: string): Promise<{ number: string; country_code: string }> {
    return userPhoneNumber(code, this.config())
  }

  unlimitedCode(request: UnlimitedCodeRequest): Promise<CodeImage> {
    return getUnlimitedCode(request, this.config())
  }

  /**
   * The mini-program openid a member signed in with (kept by the wechat auth provider in
   * the provider identity's user_metadata), or null for members who never used WeChat.
   * Read with SQL: the auth module has no filter on app_metadata.customer_id.
   */
  async openidOfCustomer(customerId: string): Promise<string | null> {
    const row = await this.pg_("provider_identity as pi")
      .join("auth_identity as ai", "ai.id", "pi.auth_identity_id")
      .where("pi.provider", "wechat")
      .whereNull("pi.deleted_at")
      .whereRaw("ai.app_metadata->>'customer_id' = ?", [customerId])
      .orderBy("pi.created_at", "desc")
      .first("pi.user_metadata")
    const openid = (row?.user_metadata as { openid?: string } | null)?.openid
    return openid || null
  }
}
