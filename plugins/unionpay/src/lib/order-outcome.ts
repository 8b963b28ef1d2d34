import { PROCESSING_RESP_CODES, type UnionpayQueryAnswer } from "./transactions"

/**
 * One payment as the shop's follow-ups need it, in the same terms for every payment plugin:
 * paid, still waiting for the buyer, closed unpaid, or paid and then refunded in full.
 * (UnionPay's query of a consumption does not tell its refunds: never "refunded" here.)
 */
export type UnionpayOrderOutcome = {
  state: "paid" | "waiting" | "closed" | "refunded"
  /** What the order is for, in fen (0 when UnionPay never saw it). */
  amount_fen: number
  /** UnionPay's queryId of the consumption, once it has one. */
  trade_no?: string
}

/**
 * A consumption's query answer → outcome; null when UnionPay has no transaction (the shopper
 * never paid at the cashier). 00 paid; 03/04/05 still processing; anything else failed.
 */
export function orderOutcomeOf(answer: UnionpayQueryAnswer): UnionpayOrderOutcome | null {
  if (!answer.found) return null
  const base = { amount_fen: answer.txnAmt ?? 0, trade_no: answer.queryId || undefined }
  if (answer.origRespCode === "00") return { state: "paid", ...base }
  if (PROCESSING_RESP_CODES.includes(answer.origRespCode ?? ""))
    return { state: "waiting", ...base }
  return { state: "closed", ...base }
}

/**
 * An order past its payTimeout: ACP has no close for gateway orders, the cashier simply
 * refuses it from then on. So what the query says stands (paid, or still processing), and
 * anything else is closed.
 */
export function expiredOrderOutcomeOf(answer: UnionpayQueryAnswer): UnionpayOrderOutcome {
  const outcome = orderOutcomeOf(answer)
  if (outcome && outcome.state !== "closed") return outcome
  return { state: "closed", amount_fen: outcome?.amount_fen ?? 0 }
}
