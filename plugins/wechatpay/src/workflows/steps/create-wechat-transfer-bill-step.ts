import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayApi } from "../../lib/api"
import { createTransferBill } from "../../lib/transfer-bills"

export type CreateWechatTransferBillInput = {
  out_bill_no: string
  openid: string
  /** Fen. */
  amount: number
  /** Shown to the user (32 characters at most). */
  remark: string
  /** The payee's role and what the money is for, as reported to WeChat; a commission by default. */
  report?: { role: string; description: string }
}

/** 商家转账: creates the bill; WeChat's refusal becomes a 400 naming WeChat's reason. */
export const createWechatTransferBillStep = createStep(
  "wechatpay-create-transfer-bill",
  async (input: CreateWechatTransferBillInput, { container }) => {
    const { client, config } = wechatpayApi()
    try {
      return new StepResponse(await createTransferBill(client, config, input))
    } catch (error) {
      container
        .resolve("logger")
        .warn(
          `[wechatpay] WeChat refused transfer ${input.out_bill_no}: ${(error as Error).message}`
        )
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `微信支付未受理转账：${(error as Error).message}`
      )
    }
  }
)
