import type { UnionpayConfig } from "./config"
import { acpTime } from "./beijing-time"
import { backTransaction, queryTransaction } from "./transactions"

/** The consumption, as the session's data names it. */
export type UnionpayOrderRef = {
  order_id: string
  txn_time: string
  channel: "pc_browser" | "mobile_browser"
}

/** A refund of a whole order whose cart never became an order of the shop. */
export type UnionpayFullRefund = {
  /** The consumption's orderId. */
  out_trade_no: string
  /** The refund's own orderId at UnionPay. */
  out_refund_no: string
  /** UnionPay's queryId of the refund, when it answered with one. */
  refund_id: string | null
  /** 退货 settles asynchronously; NOT_ENOUGH: an earlier refund had already given it all back. */
  status: "PROCESSING" | "NOT_ENOUGH"
}

/**
 * The refund's orderId: one per consumption ("U" after its 26-character ULID), so however
 * often it is retried UnionPay answers 12 (重复交易) and refunds once.
 */
export function unplacedRefundOrderIdFor(orderId: string): string {
  return `${orderId.slice(0, 26)}U`
}

/**
 * 退货 (txnType 04) of the whole consumption. Its queryId is asked first: a refund names
 * the original by origQryId.
 */
export async function refundOrderInFull(
  config: UnionpayConfig,
  order: UnionpayOrderRef & { paid_total: number }
): Promise<UnionpayFullRefund> {
  const refundOrderId = unplacedRefundOrderIdFor(order.order_id)
  const refund = { out_trade_no: order.order_id, out_refund_no: refundOrderId }
  const consumption = await queryTransaction(config, order.order_id, order.txn_time)
  if (!consumption.found || consumption.origRespCode !== "00" || !consumption.queryId) {
    throw new Error(`银联订单 ${order.order_id} 未支付，不能退货`)
  }
  const answer = await backTransaction(config, {
    txnType: "04",
    orderId: refundOrderId,
    txnTime: acpTime(new Date()),
    txnAmt: String(order.paid_total),
    origQryId: consumption.queryId,
    channelType: order.channel === "mobile_browser" ? "08" : "07",
  })
  if (answer.respCode === "00" || answer.respCode === "12") {
    return { ...refund, refund_id: answer.queryId || null, status: "PROCESSING" }
  }
  // 35: the refunds so far already give back the whole amount (Medusa's own, after a notification).
  if (answer.respCode === "35") return { ...refund, refund_id: null, status: "NOT_ENOUGH" }
  throw new Error(`银联退货失败：${answer.respCode} ${answer.respMsg ?? ""}`)
}
