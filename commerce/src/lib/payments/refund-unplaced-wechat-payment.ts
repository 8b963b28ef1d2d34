import type {
  ICartModuleService,
  IEventBusModuleService,
  IPaymentModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { WechatpayApiError, WechatpayClient } from "@health/medusa-plugin-wechatpay/lib/client"
import { resolveWechatpayConfig } from "@health/medusa-plugin-wechatpay/lib/config"
import {
  requestRefund,
  unplacedRefundNoFor,
  type RefundStatus,
} from "@health/medusa-plugin-wechatpay/lib/refunds"
import { UNPLACED_REFUND_TITLE } from "../../notifications/payments.zh-CN"
import {
  DOMAIN_EVENT_OPTIONS,
  DomainEvent,
  type PaymentUnplacedRefundedEvent,
} from "../events/domain-events"
import { enqueueWechatRefundFollowUp } from "../../workflows/payments/steps/schedule-wechat-refund-check-step"

export { UNPLACED_REFUND_TITLE }

/** Kept on the payment session and the cart: what was given back, and why. */
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

export type PaidSession = {
  id: string
  amount: unknown
  currency_code: string
  data: Record<string, unknown> & { out_trade_no: string }
}

export type UnplacedCart = {
  id: string
  customer_id?: string | null
  metadata?: Record<string, unknown> | null
} | null

/**
 * The buyer paid WeChat, but the cart could not become an order (the store credit no longer
 * covers it, a collection slot filled up, any other rule at completion). The money must not
 * stay with us: refund the whole WeChat order under an out_refund_no derived from it (so a
 * retry or a second worker refunds nothing more), mark the session canceled with the refund
 * (so the provider never reports it paid again and no replayed callback can still place the
 * order), and tell the member why.
 */
export async function refundUnplacedWechatPayment(
  container: MedusaContainer,
  input: { session: PaidSession; cart: UnplacedCart; paidTotal: number; reason: string }
): Promise<UnplacedRefund> {
  const { session, cart, paidTotal, reason } = input
  const config = resolveWechatpayConfig()
  const outTradeNo = session.data.out_trade_no
  const outRefundNo = unplacedRefundNoFor(outTradeNo)
  let refund: Pick<UnplacedRefund, "refund_id" | "status">
  try {
    const answer = await requestRefund(new WechatpayClient(config), config, {
      out_trade_no: outTradeNo,
      out_refund_no: outRefundNo,
      refund: paidTotal,
      total: paidTotal,
      reason: UNPLACED_REFUND_TITLE,
    })
    refund = { refund_id: answer.refund_id, status: answer.status }
  } catch (error) {
    // Medusa's own compensation (a callback's completion that failed) may have refunded it.
    if (!(error instanceof WechatpayApiError && error.code === "NOT_ENOUGH")) throw error
    refund = { refund_id: null, status: "NOT_ENOUGH" }
  }
  const record: UnplacedRefund = {
    out_trade_no: outTradeNo,
    out_refund_no: outRefundNo,
    ...refund,
    amount: paidTotal,
    reason,
    refunded_at: new Date().toISOString(),
  }

  await container.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePaymentSession({
    id: session.id,
    amount: session.amount as number,
    currency_code: session.currency_code,
    data: { ...session.data, unplaced_refund: record },
    status: "canceled",
  })
  await tellUnplacedRefund(container, cart, record)
  return record
}

/**
 * The record of a refunded payment whose cart never became an order: on the cart (the
 * storefront reads it), in the log, a follow-up while WeChat still processes it, and the
 * event payment.unplaced_refunded, whose subscriber tells the member (once per refund).
 */
export async function tellUnplacedRefund(
  container: MedusaContainer,
  cart: UnplacedCart,
  record: UnplacedRefund
) {
  if (cart) {
    await container.resolve<ICartModuleService>(Modules.CART).updateCarts(cart.id, {
      metadata: { ...(cart.metadata ?? {}), wechatpay_unplaced_refund: record },
    })
  }
  if (record.status === "PROCESSING") {
    await enqueueWechatRefundFollowUp(container, record.out_refund_no)
  }
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .warn(
      `WeChat Pay ${record.out_trade_no} was paid but its cart ${cart?.id ?? "?"} could not be completed (${record.reason}); refunded ${record.amount} fen as ${record.out_refund_no} (${record.status})`
    )
  const refunded: PaymentUnplacedRefundedEvent = {
    out_trade_no: record.out_trade_no,
    out_refund_no: record.out_refund_no,
    cart_id: cart?.id ?? null,
    customer_id: cart?.customer_id ?? null,
    amount: record.amount,
    reason: record.reason,
  }
  // Outside a workflow (the reconcile job): the event goes out now.
  await container.resolve<IEventBusModuleService>(Modules.EVENT_BUS).emit({
    name: DomainEvent.PAYMENT_UNPLACED_REFUNDED,
    data: refunded,
    options: DOMAIN_EVENT_OPTIONS,
  })
}

/** A completion error as the member may read it: ours are in Chinese, Medusa's are not. */
export function completionFailureReason(error: unknown): string {
  const message = (error as { message?: string } | undefined)?.message ?? ""
  return /[\u4e00-\u9fff]/.test(message) ? message : "订单校验未通过"
}
