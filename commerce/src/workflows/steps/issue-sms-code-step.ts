import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IssueResult, OtpPurpose } from "../../lib/otp/otp-store"
import { otpStoreFromEnv } from "../../lib/otp/otp-store-from-env"

export type IssueSmsCodeStepInput = { phone: string; purpose: OtpPurpose; ip: string }

/** Creates a code unless a per-phone or per-IP limit says no; the refusal is a result, not an error. */
export const issueSmsCodeStep = createStep(
  "issue-sms-code",
  async (input: IssueSmsCodeStepInput) => {
    const result: IssueResult = await otpStoreFromEnv().issue(input.phone, input.purpose, input.ip)
    return new StepResponse(result)
  }
)
