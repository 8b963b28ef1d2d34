import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { alipayApi } from "../../lib/api"
import { refundTradeInFull, type AlipayFullRefund } from "../../lib/trades"

export type RefundAlipayTradeInFullInput = {
  out_trade_no: string
  /** Fen: what Alipay says was paid. */
  paid_total: number
  /** Shown to the buyer by Alipay. */
  reason: string
}

/**
 * Refunds the whole trade under an out_request_no derived from it, so a retry or a second
 * worker refunds nothing more. No compensation: money given back cannot be taken back.
 */
export const refundAlipayTradeInFullStep = createStep(
  "alipay-refund-trade-in-full",
  async (input: RefundAlipayTradeInFullInput) => {
    const { client } = alipayApi()
    return new StepResponse<AlipayFullRefund>(await refundTradeInFull(client, input))
  }
)
