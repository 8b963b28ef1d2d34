import { toFen } from "./money"

/**
 * One payment as the shop's follow-ups need it, in the same terms for every payment plugin:
 * paid, still waiting for the buyer, closed unpaid, or paid and then refunded in full.
 */
export type AlipayTradeOutcome = {
  state: "paid" | "waiting" | "closed" | "refunded"
  /** What the trade is for, in fen. */
  amount_fen: number
  /** Alipay's own trade number, once it has one. */
  trade_no?: string
}

/** alipay.trade.query's answer (the fields read here). */
export type AlipayTradeQueryAnswer = {
  trade_no?: string
  out_trade_no: string
  trade_status: string
  total_amount: string
  /** Present once the buyer paid: a TRADE_CLOSED trade with it was refunded in full. */
  send_pay_date?: string
}

/**
 * trade_status → outcome. Alipay closes a trade both when it runs out unpaid and when it is
 * refunded in full; only the second was ever paid (send_pay_date).
 */
export function tradeOutcomeOf(answer: AlipayTradeQueryAnswer): AlipayTradeOutcome {
  const base = { amount_fen: toFen(answer.total_amount), trade_no: answer.trade_no || undefined }
  switch (answer.trade_status) {
    case "TRADE_SUCCESS":
    case "TRADE_FINISHED":
      return { state: "paid", ...base }
    case "TRADE_CLOSED":
      return { state: answer.send_pay_date ? "refunded" : "closed", ...base }
    case "WAIT_BUYER_PAY":
      return { state: "waiting", ...base }
    default:
      throw new Error(`unknown Alipay trade_status ${answer.trade_status}`)
  }
}
