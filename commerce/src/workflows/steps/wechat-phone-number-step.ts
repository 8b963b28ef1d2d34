import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeCnMobile } from "../../lib/phone/normalize-cn-mobile"
import { WECHAT_PLATFORM_MODULE } from "../../modules/wechat-platform"
import type WechatPlatformModuleService from "../../modules/wechat-platform/service"
import { WECHAT_INVALID_CODE } from "../../modules/wechat-platform/user-phone-number"
import { WechatApiError } from "../../modules/wechat-platform/wechat-api"

export const WECHAT_PHONE_UNAVAILABLE = "wechat_phone_unavailable"

/**
 * The mainland mobile number behind a 手机号快速验证 code, +86 form. A used or expired
 * code and a number outside mainland China are the member's to fix (400); WeChat not
 * answering is ours (UNEXPECTED_STATE with code wechat_phone_unavailable).
 */
export const wechatPhoneNumberStep = createStep(
  "wechat-phone-number",
  async ({ code }: { code: string }, { container }) => {
    const wechat = container.resolve<WechatPlatformModuleService>(WECHAT_PLATFORM_MODULE)
    let shared: { number: string; country_code: string }
    try {
      shared = await wechat.userPhoneNumber(code)
    } catch (error) {
      if (error instanceof WechatApiError && error.errcode === WECHAT_INVALID_CODE) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "微信手机号授权已失效，请重新点击“微信手机号快捷绑定”"
        )
      }
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "微信暂时无法验证手机号，请稍后再试，或使用短信验证码绑定",
        WECHAT_PHONE_UNAVAILABLE
      )
    }
    const phone = shared.country_code === "86" ? normalizeCnMobile(shared.number) : null
    if (!phone) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "目前仅支持绑定中国大陆手机号，请使用短信验证码绑定其他号码"
      )
    }
    return new StepResponse({ phone })
  }
)
