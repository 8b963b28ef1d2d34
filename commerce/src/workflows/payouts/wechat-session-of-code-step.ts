import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WECHAT_PLATFORM_MODULE } from "../../modules/wechat-platform"
import type WechatPlatformModuleService from "../../modules/wechat-platform/service"
import { WechatApiError } from "../../modules/wechat-platform/wechat-api"

/**
 * A payee's `wx.login` code → their mini-program openid, from WeChat (never the client's
 * word), for binding the WeChat their withdrawals are transferred to.
 */
export const wechatSessionOfCodeStep = createStep(
  "wechat-session-of-code",
  async (code: string, { container }) => {
    try {
      const session = await container
        .resolve<WechatPlatformModuleService>(WECHAT_PLATFORM_MODULE)
        .codeToSession(code)
      return new StepResponse({ openid: session.openid, unionid: session.unionid ?? null })
    } catch (error) {
      if (error instanceof WechatApiError) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "微信登录凭证无效或已过期，请重新点击绑定微信"
        )
      }
      throw error
    }
  }
)
