import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { unionpayApi } from "../../lib/api"
import {
  refundOrderInFull,
  type UnionpayFullRefund,
  type UnionpayOrderRef,
} from "../../lib/unplaced-refund"

export type RefundUnionpayOrderInFullInput = UnionpayOrderRef & {
  /** Fen: what UnionPay says was paid. */
  paid_total: number
}

/**
 * Refunds the whole consumption under a refund orderId derived from it, so a retry or a
 * second worker refunds nothing more. No compensation: money given back cannot be taken back.
 */
export const refundUnionpayOrderInFullStep = createStep(
  "unionpay-refund-order-in-full",
  async (input: RefundUnionpayOrderInFullInput) => {
    const { config } = unionpayApi()
    return new StepResponse<UnionpayFullRefund>(await refundOrderInFull(config, input))
  }
)
