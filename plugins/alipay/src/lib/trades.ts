import { AlipayApiError, type AlipayClient } from "./client"
import { fenToYuanString } from "./money"
import {
  tradeOutcomeOf,
  type AlipayTradeOutcome,
  type AlipayTradeQueryAnswer,
} from "./trade-outcome"

/** The trade by out_trade_no; null when Alipay never heard of it (the cashier was never opened). */
export async function queryTrade(
  client: AlipayClient,
  outTradeNo: string
): Promise<AlipayTradeQueryAnswer | null> {
  try {
    return await client.call<AlipayTradeQueryAnswer>("alipay.trade.query", {
      out_trade_no: outTradeNo,
    })
  } catch (error) {
    if (error instanceof AlipayApiError && error.subCode === "ACQ.TRADE_NOT_EXIST") return null
    throw error
  }
}

/** The trade's outcome; null when Alipay never heard of it. */
export async function tradeOutcome(
  client: AlipayClient,
  outTradeNo: string
): Promise<AlipayTradeOutcome | null> {
  const answer = await queryTrade(client, outTradeNo)
  return answer ? tradeOutcomeOf(answer) : null
}

/**
 * Closes an unpaid trade (alipay.trade.close) and says how it ended: closed, or, when the
 * buyer paid first (Alipay refuses to close it), paid. A trade Alipay never heard of can no
 * longer be opened once closed on our side: reported closed with the amount unknown (0).
 */
export async function closeTrade(
  client: AlipayClient,
  outTradeNo: string
): Promise<AlipayTradeOutcome> {
  try {
    const closed = await client.call<{ trade_no?: string }>("alipay.trade.close", {
      out_trade_no: outTradeNo,
    })
    const answer = await queryTrade(client, outTradeNo)
    return answer
      ? tradeOutcomeOf(answer)
      : { state: "closed", amount_fen: 0, trade_no: closed.trade_no }
  } catch (error) {
    if (error instanceof AlipayApiError && error.subCode === "ACQ.TRADE_NOT_EXIST") {
      return { state: "closed", amount_fen: 0 }
    }
    if (error instanceof AlipayApiError && error.subCode === "ACQ.TRADE_STATUS_ERROR") {
      const answer = await queryTrade(client, outTradeNo)
      if (answer) return tradeOutcomeOf(answer)
    }
    throw error
  }
}

/** A refund of a whole trade whose cart never became an order. */
export type AlipayFullRefund = {
  out_trade_no: string
  /** Alipay's out_request_no: the refund's identity there. */
  out_refund_no: string
  /** Alipay gives a refund no id of its own. */
  refund_id: null
  /** NOT_ENOUGH: an earlier refund had already given the money back. */
  status: "SUCCESS" | "PROCESSING" | "NOT_ENOUGH"
}

/**
 * The out_request_no of the refund that gives back a payment whose cart never became an
 * order: one per trade, so however often it is retried Alipay refunds it once.
 */
export function unplacedRefundRequestNoFor(outTradeNo: string): string {
  return `${outTradeNo}_VOID`
}

/**
 * Refunds the whole trade under the out_request_no derived from it (a retry is the same
 * refund at Alipay) and confirms with the refund query whether the money moved.
 */
export async function refundTradeInFull(
  client: AlipayClient,
  input: { out_trade_no: string; paid_total: number; reason: string }
): Promise<AlipayFullRefund> {
  const outRequestNo = unplacedRefundRequestNoFor(input.out_trade_no)
  const refund = { out_trade_no: input.out_trade_no, out_refund_no: outRequestNo, refund_id: null }
  try {
    await client.call("alipay.trade.refund", {
      out_trade_no: input.out_trade_no,
      refund_amount: fenToYuanString(input.paid_total),
      out_request_no: outRequestNo,
      refund_reason: input.reason.slice(0, 256),
    })
  } catch (error) {
    // Refunded in full already (Medusa's own compensation after a notification): closed, or nothing left.
    const gone = ["ACQ.TRADE_STATUS_ERROR", "ACQ.TRADE_HAS_CLOSE", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"]
    if (error instanceof AlipayApiError && gone.includes(error.subCode)) {
      return { ...refund, status: "NOT_ENOUGH" }
    }
    throw error
  }
  const confirmed = await client.call<{ refund_status?: string }>(
    "alipay.trade.fastpay.refund.query",
    { out_trade_no: input.out_trade_no, out_request_no: outRequestNo }
  )
  return {
    ...refund,
    status: confirmed.refund_status === "REFUND_SUCCESS" ? "SUCCESS" : "PROCESSING",
  }
}
