import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { otpRefusalMessage } from "../../lib/otp/otp-refusal-message"
import type { OtpPurpose } from "../../lib/otp/otp-store"
import { otpStoreFromEnv } from "../../lib/otp/otp-store-from-env"

export type VerifySmsCodeStepInput = { phone: string; purpose: OtpPurpose; code: string }

/** Consumes a correct code; a wrong, expired or locked one stops the workflow with a 400. */
export const verifySmsCodeStep = createStep(
  "verify-sms-code",
  async ({ phone, purpose, code }: VerifySmsCodeStepInput) => {
    const verdict = await otpStoreFromEnv().verify(phone, purpose, code)
    if (!verdict.ok) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, otpRefusalMessage(verdict))
    }
    return new StepResponse({ phone })
  }
)
