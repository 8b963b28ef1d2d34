import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SmsMessage } from "../../lib/sms/sms-sender"
import { smsSenderFromEnv } from "../../lib/sms/sms-sender-from-env"

/** Hands a message to the configured SMS vendor; a vendor failure fails the workflow. */
export const sendSmsStep = createStep("send-sms", async (message: SmsMessage) => {
  const result = await smsSenderFromEnv().send(message)
  return new StepResponse(result)
})
