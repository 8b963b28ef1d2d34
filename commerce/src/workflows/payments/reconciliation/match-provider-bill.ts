/**
 * Line-by-line matching of a provider's daily bill against our payments and refunds, in
 * terms every provider's bill can be put in (each has an adapter to these lines).
 */

/** One of our refunds of a provider's trade, as the provider's data on the payment records it. */
export type OurRefund = {
  out_refund_no: string
  /** Fen. */
  amount: number
  status: string
  /** Made on the bill's day (so it must be on that bill). */
  on_bill_date: boolean
}

/** One provider trade as we know it: a Medusa payment, or a session we refunded unplaced. */
export type OurPayment = {
  out_trade_no: string
  payment_id: string | null
  order_id: string | null
  /** Fen. */
  amount: number
  /** captured, authorized, canceled, voided, or refunded_unplaced (paid, no order, money given back). */
  status: string
  /** Captured on the bill's day (so it must be on that bill). */
  captured_on_bill_date: boolean
  refunds: OurRefund[]
}

/** A bill line in common terms: a payment received, or a refund given back. */
export type ProviderBillLine = {
  subject: "payment" | "refund"
  out_trade_no: string
  /** Refunds: the merchant's refund number. */
  out_refund_no: string | null
  /** The provider's own number of the trade (or refund). */
  transaction_id: string | null
  /** Fen. */
  amount: number
  /** Payments: SUCCESS when the money was received; refunds: the refund's state, "" if unstated. */
  status: string
}

export type DifferenceKind =
  | "missing_ours"
  | "missing_provider"
  | "amount_mismatch"
  | "status_mismatch"

export type BillDifference = {
  kind: DifferenceKind
  subject: "payment" | "refund"
  out_trade_no: string
  out_refund_no: string | null
  transaction_id: string | null
  bill_amount: number | null
  our_amount: number | null
  bill_status: string | null
  our_status: string | null
  order_id: string | null
  payment_id: string | null
}

export type BillMatch = {
  matched: number
  differences: BillDifference[]
  /** Fen. */
  totals: { bill_paid: number; bill_refunded: number; our_paid: number; our_refunded: number }
}

/**
 * What counts as money received on our side: the bill's SUCCESS agrees with these. A voided
 * (same-day 消费撤销) payment was received too: its void is a refund line of its own.
 */
const RECEIVED = ["captured", "refunded_unplaced", "voided"]

/**
 * By out_trade_no and out_refund_no: every bill line must be ours with the same amount and
 * state, and everything we captured or refunded that day must be on the bill.
 */
export function matchProviderBill(lines: ProviderBillLine[], ours: OurPayment[]): BillMatch {
  const byTradeNo = new Map(ours.map((payment) => [payment.out_trade_no, payment]))
  const seenPayments = new Set<string>()
  const seenRefunds = new Set<string>()
  const differences: BillDifference[] = []
  let matched = 0

  for (const line of lines) {
    const our = byTradeNo.get(line.out_trade_no)
    const common = {
      subject: line.subject,
      out_trade_no: line.out_trade_no,
      out_refund_no: line.subject === "refund" ? line.out_refund_no || null : null,
      transaction_id: line.transaction_id || null,
      order_id: our?.order_id ?? null,
      payment_id: our?.payment_id ?? null,
      bill_amount: line.amount,
      bill_status: line.status || null,
    }
    if (line.subject === "refund") {
      const refund = our?.refunds.find((r) => r.out_refund_no === line.out_refund_no)
      if (!refund) {
        differences.push({ ...common, kind: "missing_ours", our_amount: null, our_status: null })
        continue
      }
      seenRefunds.add(refund.out_refund_no)
      const mine = { our_amount: refund.amount, our_status: refund.status }
      if (refund.amount !== line.amount)
        differences.push({ ...common, ...mine, kind: "amount_mismatch" })
      else if (line.status && refund.status !== line.status)
        differences.push({ ...common, ...mine, kind: "status_mismatch" })
      else matched++
      continue
    }
    if (!our) {
      differences.push({ ...common, kind: "missing_ours", our_amount: null, our_status: null })
      continue
    }
    seenPayments.add(our.out_trade_no)
    const mine = { our_amount: our.amount, our_status: our.status }
    const received = line.status === "SUCCESS"
    const agrees = received ? RECEIVED.includes(our.status) : !RECEIVED.includes(our.status)
    if (!agrees) differences.push({ ...common, ...mine, kind: "status_mismatch" })
    else if (received && our.amount !== line.amount)
      differences.push({ ...common, ...mine, kind: "amount_mismatch" })
    else matched++
  }

  for (const our of ours) {
    const common = {
      out_trade_no: our.out_trade_no,
      transaction_id: null,
      order_id: our.order_id,
      payment_id: our.payment_id,
      bill_amount: null,
      bill_status: null,
    }
    if (our.captured_on_bill_date && !seenPayments.has(our.out_trade_no))
      differences.push({
        ...common,
        kind: "missing_provider",
        subject: "payment",
        out_refund_no: null,
        our_amount: our.amount,
        our_status: our.status,
      })
    for (const refund of our.refunds) {
      if (refund.on_bill_date && !seenRefunds.has(refund.out_refund_no))
        differences.push({
          ...common,
          kind: "missing_provider",
          subject: "refund",
          out_refund_no: refund.out_refund_no,
          our_amount: refund.amount,
          our_status: refund.status,
        })
    }
  }

  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
  return {
    matched,
    differences,
    totals: {
      bill_paid: sum(
        lines.filter((l) => l.subject === "payment" && l.status === "SUCCESS").map((l) => l.amount)
      ),
      bill_refunded: sum(lines.filter((l) => l.subject === "refund").map((l) => l.amount)),
      our_paid: sum(ours.filter((o) => o.captured_on_bill_date).map((o) => o.amount)),
      our_refunded: sum(
        ours.flatMap((o) => o.refunds.filter((r) => r.on_bill_date).map((r) => r.amount))
      ),
    },
  }
}
