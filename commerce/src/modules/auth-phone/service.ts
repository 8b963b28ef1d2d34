import type {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityProviderService,
} from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, MedusaError } from "@medusajs/framework/utils"
import { otpRefusalMessage } from "../../lib/otp/otp-refusal-message"
import { otpStoreFromEnv } from "../../lib/otp/otp-store-from-env"
import { normalizeCnMobile } from "../../lib/phone/normalize-cn-mobile"

/**
 * Signs members in with a mainland mobile number and a one-time SMS code. The auth
 * identity's entity id is the number in +86 form, so each number is one member.
 */
export class PhoneOtpAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = "phone"
  static DISPLAY_NAME = "手机号验证码"

  async authenticate(
    data: AuthenticationInput,
    authIdentityService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    const { phone: rawPhone, code } = (data.body ?? {}) as { phone?: unknown; code?: unknown }
    const phone = normalizeCnMobile(rawPhone)
    if (!phone) return { success: false, error: "请输入正确的中国大陆手机号" }
    if (typeof code !== "string" || !/^\d{6}$/.test(code)) {
      return { success: false, error: "请输入 6 位数字验证码" }
    }
    const verdict = await otpStoreFromEnv().verify(phone, "login", code)
    if (!verdict.ok) return { success: false, error: otpRefusalMessage(verdict) }
    try {
      return {
        success: true,
        authIdentity: await authIdentityService.retrieve({ entity_id: phone }),
      }
    } catch (error) {
      if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) throw error
      const authIdentity = await authIdentityService.create({
        entity_id: phone,
        user_metadata: { phone },
      })
      return { success: true, authIdentity }
    }
  }

  async register(): Promise<AuthenticationResponse> {
    // The first successful sign-in registers; there is no separate step.
    return { success: false, error: "手机号首次登录即自动注册，请直接使用验证码登录" }
  }
}
