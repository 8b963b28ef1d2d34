import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { OtpPurpose } from "../lib/otp/otp-store"
import { issueSmsCodeStep } from "./steps/issue-sms-code-step"
import { sendSmsStep } from "./steps/send-sms-step"

export type SendSmsCodeInput = { phone: string; purpose: OtpPurpose; ip: string }

/** Issues a one-time code within the limits and texts it; the code never leaves the server otherwise. */
export const sendSmsCodeWorkflow = createWorkflow("send-sms-code", (input: SendSmsCodeInput) => {
  const issued = issueSmsCodeStep(input)
  when({ issued }, ({ issued }) => issued.ok).then(() => {
    const message = transform({ input, issued }, ({ input, issued }) => ({
      phone: input.phone,
      template: "auth-code" as const,
      params: { code: issued.ok ? issued.code : "" },
    }))
    sendSmsStep(message)
  })
  const outcome = transform({ issued }, ({ issued }) =>
    issued.ok
      ? { sent: true as const, expires_in: issued.expiresInSeconds }
      : { sent: false as const, reason: issued.reason, retry_after: issued.retryAfterSeconds }
  )
  return new WorkflowResponse(outcome)
})
