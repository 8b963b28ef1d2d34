import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { normalizeCnMobile } from "../../../../lib/phone/normalize-cn-mobile"
import { sendSmsCodeWorkflow } from "../../../../workflows/send-sms-code"
import type { SendSmsCodeBodyType } from "./validators"

const LIMIT_MESSAGES = {
  too_soon: (seconds: number) => `验证码发送过于频繁，请 ${seconds} 秒后再试`,
  phone_daily_limit: () => "该手机号今日获取验证码次数已达上限，请明天再试",
  ip_hourly_limit: () => "当前网络获取验证码过于频繁，请稍后再试",
}

/** Texts a one-time code. Sign-in and registration are one step, so both purposes share the login code. */
export async function POST(req: MedusaRequest<SendSmsCodeBodyType>, res: MedusaResponse) {
  const phone = normalizeCnMobile(req.validatedBody.phone)
  if (!phone) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "请输入正确的中国大陆手机号")
  }
  const purpose = req.validatedBody.purpose === "bind" ? "bind" : "login"
  const ip =
    (req as { request_context?: { ip_address?: string } }).request_context?.ip_address ||
    req.ip ||
    "unknown"
  const { result } = await sendSmsCodeWorkflow(req.scope).run({ input: { phone, purpose, ip } })
  if (!result.sent) {
    res.setHeader("Retry-After", String(result.retry_after))
    res.status(429).json({
      type: "too_many_requests",
      message: LIMIT_MESSAGES[result.reason](result.retry_after),
    })
    return
  }
  res.status(201).json({ sent: true, expires_in: result.expires_in })
}
