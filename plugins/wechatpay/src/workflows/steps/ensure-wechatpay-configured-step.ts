import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayConfigured } from "../../lib/api"

/** Refuses (400, with the caller's zh-CN message) when the shop has no WeChat Pay merchant. */
export const ensureWechatpayConfiguredStep = createStep(
  "wechatpay-ensure-configured",
  async ({ message }: { message: string }) => {
    if (!wechatpayConfigured()) throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
    return new StepResponse(true)
  }
)
