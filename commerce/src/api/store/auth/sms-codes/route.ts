import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { addressBucket, clientAddress } from "../../../../lib/http/client-address"
import { normalizeCnMobile } from "../../../../lib/phone/normalize-cn-mobile"
import { sendSmsCodeWorkflow } from "../../../../workflows/send-sms-code"
import type { SendSmsCodeBodyType } from "./validators"

const LIMIT_MESSAGES = {
  too_soon: (seconds: number) => `验证码发送过于频繁，请 ${seconds} 秒后再试`,
  phone_daily_limit: () => "该手机号今日获取验证码次数已达上限，请明天再试",
  ip_hourly_limit: () => "当前网络获取验证码过于频繁，请稍后再试",
  global_hourly_limit: () => "短信发送繁忙，请稍后再试",
}

/** Texts a one-time code. Sign-in and registration are one step, so both purposes share the login code. */
export async function POST(req: MedusaRequest<SendSmsCodeBodyType>, res: MedusaResponse) {
  const phone = normalizeCnMobile(req.validatedBody.phone)
  if (!phone) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "请输入正确的中国大陆手机号")
  }
  const purpose = req.validatedBody.purpose === "bind" ? "bind" : "login"
  const ip = addressBucket(clientAddress(req))
  const { result } = await sendSmsCodeWorkflow(req.scope).run({ input: { phone, purpose, ip } })
  if (!result.sent) {
    // The site-wide budget is not this caller's fault: the service is briefly unavailable.
    const status = result.reason === "global_hourly_limit" ? 503 : 429
    res.setHeader("Retry-After", String(result.retry_after))
    res.status(status).json({
      type: status === 503 ? "unavailable" : "too_many_requests",
      message: LIMIT_MESSAGES[result.reason](result.retry_after),
    })
    return
  }
  res.status(201).json({ sent: true, expires_in: result.expires_in })
}
