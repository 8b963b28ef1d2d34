/** One order line as the commission sees it: what the buyer paid for it, in fen. */
export type CommissionLine = {
  line_item_id: string
  product_id: string | null
  paid: number
  /** The product's own per-level rates (basis points), overriding the programme's. */
  rates_bp?: number[] | null
}

export type UplineMember = { affiliate_id: string; status: string }

export type PlannedCommission = {
  affiliate_id: string
  level: number
  line_item_id: string
  product_id: string | null
  base_amount: number
  rate_bp: number
  amount: number
}

/**
 * Who earns what for an order. `upline[0]` is the buyer's referrer (level 1). Levels
 * beyond the configured rates pay nothing; a disabled affiliate's level is skipped, not
 * shifted to the next person up. Amounts round down to the fen.
 */
export function planCommissions(input: {
  upline: UplineMember[]
  rates_bp: number[]
  lines: CommissionLine[]
}): PlannedCommission[] {
  const planned: PlannedCommission[] = []
  const levels = Math.min(input.upline.length, input.rates_bp.length)
  for (let index = 0; index < levels; index++) {
    const member = input.upline[index]
    if (member.status === "disabled") continue
    for (const line of input.lines) {
      const rate = line.rates_bp?.[index] ?? input.rates_bp[index]
      const amount = Math.floor((line.paid * rate) / 10000)
      if (amount <= 0) continue
      planned.push({
        affiliate_id: member.affiliate_id,
        level: index + 1,
        line_item_id: line.line_item_id,
        product_id: line.product_id,
        base_amount: line.paid,
        rate_bp: rate,
        amount,
      })
    }
  }
  return planned
}

/**
 * How much of a commission should stand reversed once `refunded` of `paid` has gone
 * back to the buyer (both fen). Computed on the running total, so several partial
 * refunds never drift from a full one: a full refund reverses exactly everything.
 */
export function reversedShare(commission: number, refunded: number, paid: number): number {
  if (paid <= 0) return commission
  const ratio = Math.min(Math.max(refunded, 0), paid)
  return Math.round((commission * ratio) / paid)
}
