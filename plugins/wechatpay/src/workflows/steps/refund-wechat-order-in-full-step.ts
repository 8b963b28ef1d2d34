import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wechatpayApi } from "../../lib/api"
import { WechatpayApiError } from "../../lib/client"
import { requestRefund, unplacedRefundNoFor, type RefundStatus } from "../../lib/refunds"

export type RefundWechatOrderInFullInput = {
  out_trade_no: string
  /** Fen: what WeChat says was paid. */
  paid_total: number
  /** Shown to the buyer by WeChat (80 characters at most). */
  reason: string
}

export type WechatFullRefund = {
  out_trade_no: string
  out_refund_no: string
  refund_id: string | null
  /** WeChat's refund status; NOT_ENOUGH when an earlier refund had already given it all back. */
  status: RefundStatus | "NOT_ENOUGH"
}

/**
 * Refunds the whole WeChat order under an out_refund_no derived from it, so a retry or a
 * second worker refunds nothing more. No compensation: money given back cannot be taken back.
 */
export const refundWechatOrderInFullStep = createStep(
  "wechatpay-refund-order-in-full",
  async (input: RefundWechatOrderInFullInput) => {
    const { client, config } = wechatpayApi()
    const outRefundNo = unplacedRefundNoFor(input.out_trade_no)
    try {
      const answer = await requestRefund(client, config, {
        out_trade_no: input.out_trade_no,
        out_refund_no: outRefundNo,
        refund: input.paid_total,
        total: input.paid_total,
        reason: input.reason,
      })
      return new StepResponse<WechatFullRefund>({
        out_trade_no: input.out_trade_no,
        out_refund_no: outRefundNo,
        refund_id: answer.refund_id,
        status: answer.status,
      })
    } catch (error) {
      // Medusa's own compensation (a callback's completion that failed) may have refunded it.
      if (!(error instanceof WechatpayApiError && error.code === "NOT_ENOUGH")) throw error
      return new StepResponse<WechatFullRefund>({
        out_trade_no: input.out_trade_no,
        out_refund_no: outRefundNo,
        refund_id: null,
        status: "NOT_ENOUGH",
      })
    }
  }
)
