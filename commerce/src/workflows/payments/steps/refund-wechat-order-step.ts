import { WechatpayApiError, WechatpayClient } from "@health/medusa-plugin-wechatpay/lib/client"
import { resolveWechatpayConfig } from "@health/medusa-plugin-wechatpay/lib/config"
import {
  requestRefund,
  unplacedRefundNoFor,
  type RefundStatus,
} from "@health/medusa-plugin-wechatpay/lib/refunds"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UNPLACED_REFUND_TITLE } from "../../../notifications/payments.zh-CN"

/** Kept on the payment (session) and the cart: what was given back, and why. */
export type UnplacedRefund = {
  out_trade_no: string
  out_refund_no: string
  refund_id: string | null
  /** Fen. */
  amount: number
  /** WeChat's refund status; NOT_ENOUGH when an earlier refund had already given it all back. */
  status: RefundStatus | "NOT_ENOUGH"
  reason: string
  refunded_at: string
}

export type RefundWechatOrderInput = {
  out_trade_no: string
  /** Fen: what WeChat says was paid. */
  paid_total: number
  reason: string
}

/**
 * Refunds the whole WeChat order under an out_refund_no derived from it, so a retry or a
 * second worker refunds nothing more. No compensation: money given back cannot be taken back.
 */
export const refundWechatOrderStep = createStep(
  "refund-wechat-order",
  async (input: RefundWechatOrderInput) => {
    const config = resolveWechatpayConfig()
    const outRefundNo = unplacedRefundNoFor(input.out_trade_no)
    let refund: Pick<UnplacedRefund, "refund_id" | "status">
    try {
      const answer = await requestRefund(new WechatpayClient(config), config, {
        out_trade_no: input.out_trade_no,
        out_refund_no: outRefundNo,
        refund: input.paid_total,
        total: input.paid_total,
        reason: UNPLACED_REFUND_TITLE,
      })
      refund = { refund_id: answer.refund_id, status: answer.status }
    } catch (error) {
      // Medusa's own compensation (a callback's completion that failed) may have refunded it.
      if (!(error instanceof WechatpayApiError && error.code === "NOT_ENOUGH")) throw error
      refund = { refund_id: null, status: "NOT_ENOUGH" }
    }
    const record: UnplacedRefund = {
      out_trade_no: input.out_trade_no,
      out_refund_no: outRefundNo,
      ...refund,
      amount: input.paid_total,
      reason: input.reason,
      refunded_at: new Date().toISOString(),
    }
    return new StepResponse(record)
  }
)
