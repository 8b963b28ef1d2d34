import { accessToken, isRejectedToken } from "./access-token"
import {
  WechatApiError,
  wechatJson,
  wechatLoginConfigFromEnv,
  type WechatLoginConfig,
} from "./wechat-api"

/** errcode 40029: the code is invalid, used or expired (a code works once, for 5 minutes). */
export const WECHAT_INVALID_CODE = 40029

type PhoneInfo = {
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
  watermark?: { timestamp?: number; appid?: string }
}

/**
 * The phone number a member shared through the mini-program's 手机号快速验证 button
 * (`<button open-type="getPhoneNumber">` answers a one-off code): POST
 * /wxa/business/getuserphonenumber with the mini-program's access_token. WeChat has
 * verified the number by SMS, so no code of ours is needed. Answers the number as WeChat
 * shows it (purePhoneNumber, no country code) and its country code.
 */
export async function userPhoneNumber(
  code: string,
  config: WechatLoginConfig = wechatLoginConfigFromEnv()
): Promise<{ number: string; country_code: string }> {
  let rejected: string | undefined
  for (const retry of [false, true]) {
    const token = await accessToken(config, rejected)
    const url = new URL("/wxa/business/getuserphonenumber", config.apiBase)
    url.search = new URLSearchParams({ access_token: token }).toString()
    const answer = await wechatJson<{ phone_info?: PhoneInfo }>(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
    })
    if (!answer.errcode && answer.phone_info) {
      const { purePhoneNumber, countryCode, watermark } = answer.phone_info
      // The watermark says which mini-program the number was shared with.
      if (watermark?.appid && watermark.appid !== config.appid) {
        throw new WechatApiError(40013, `phone number shared with another app ${watermark.appid}`)
      }
      return { number: purePhoneNumber, country_code: countryCode }
    }
    if (!retry && isRejectedToken(answer.errcode)) {
      rejected = token
      continue
    }
    throw new WechatApiError(answer.errcode ?? 0, answer.errmsg ?? "getuserphonenumber failed")
  }
  throw new WechatApiError(0, "unreachable")
}
