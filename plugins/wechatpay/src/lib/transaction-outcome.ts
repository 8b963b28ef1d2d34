import type { WechatTransaction } from "./transactions"

/**
 * One payment as the shop's follow-ups need it, in the same terms for every payment plugin:
 * paid, still waiting for the buyer, closed unpaid, or paid and then refunded (in part or whole).
 */
export type WechatTransactionOutcome = {
  state: "paid" | "waiting" | "closed" | "refunded"
  /** What the order is for, in fen. */
  amount_fen: number
  /** WeChat's transaction_id, once paid. */
  trade_no?: string
}

const STATE: Record<string, WechatTransactionOutcome["state"]> = {
  SUCCESS: "paid",
  REFUND: "refunded",
  NOTPAY: "waiting",
  USERPAYING: "waiting",
  CLOSED: "closed",
  REVOKED: "closed",
  PAYERROR: "closed",
}

/** trade_state → outcome. */
export function transactionOutcomeOf(transaction: WechatTransaction): WechatTransactionOutcome {
  const state = STATE[transaction.trade_state]
  if (!state) throw new Error(`unknown WeChat trade_state ${transaction.trade_state}`)
  return {
    state,
    amount_fen: transaction.amount.total,
    trade_no: transaction.transaction_id || undefined,
  }
}
