/**
 * 分销核算 straight from the affiliate plugin's append-only ledger, per affiliate over a
 * period [t0, t1): commissions accrued, reversals (negative), maturations into the available
 * balance, withdrawals paid, and the balances at the end of the period (outstanding =
 * pending + available, the affiliate liability). Bindings: [t0, t1, affiliate_id | null,
 * limit, offset]; every row also carries the count and the totals of all affiliates.
 */
export const COMMISSION_ACCOUNTS_SQL = `
with params as (select ?::timestamptz as t0, ?::timestamptz as t1, ?::text as affiliate_id),
per_affiliate as (
  select e.affiliate_id,
    coalesce(sum(e.amount) filter (where e.kind = 'commission' and e.created_at >= p.t0), 0) as accrued,
    coalesce(sum(e.amount) filter (where e.kind = 'reversal' and e.created_at >= p.t0), 0) as reversed,
    coalesce(sum(e.amount) filter (
      where e.kind = 'maturation' and e.bucket = 'available' and e.created_at >= p.t0), 0) as matured,
    coalesce(sum(e.amount) filter (
      where e.kind = 'withdrawal_paid' and e.bucket = 'withdrawn' and e.created_at >= p.t0), 0) as withdrawn,
    coalesce(sum(e.amount) filter (where e.bucket = 'pending'), 0) as pending,
    coalesce(sum(e.amount) filter (where e.bucket = 'available'), 0) as available,
    coalesce(sum(e.amount) filter (where e.bucket in ('pending', 'available') and e.created_at < p.t0), 0)
      as opening_outstanding
    from affiliate_ledger_entry e, params p
   where e.deleted_at is null and e.created_at < p.t1
     and (p.affiliate_id is null or e.affiliate_id = p.affiliate_id)
   group by e.affiliate_id
),
active as (
  select * from per_affiliate
   where accrued <> 0 or reversed <> 0 or matured <> 0 or withdrawn <> 0
      or pending <> 0 or available <> 0 or opening_outstanding <> 0
)
select r.*, a.code, a.status, a.customer_id, cu.phone, cu.first_name, cu.last_name, cu.email,
       count(*) over () as total_count,
       sum(r.accrued) over () as total_accrued, sum(r.reversed) over () as total_reversed,
       sum(r.matured) over () as total_matured, sum(r.withdrawn) over () as total_withdrawn,
       sum(r.pending) over () as total_pending, sum(r.available) over () as total_available,
       sum(r.opening_outstanding) over () as total_opening_outstanding
  from active r
  join affiliate a on a.id = r.affiliate_id
  left join customer cu on cu.id = a.customer_id
 order by r.accrued desc, r.affiliate_id
 limit ? offset ?`

/** Which ledger lines stand behind each figure of 分销核算. */
export const COMMISSION_FIGURE_KINDS = {
  accrued: "e.kind = 'commission'",
  reversed: "e.kind = 'reversal'",
  matured: "e.kind = 'maturation' and e.bucket = 'available'",
  withdrawn: "e.kind = 'withdrawal_paid' and e.bucket = 'withdrawn'",
  all: "true",
} as const

export type CommissionFigure = keyof typeof COMMISSION_FIGURE_KINDS

/**
 * An affiliate's ledger lines behind a figure over [t0, t1), oldest first, with the order's
 * display id, the product's title and the buyer. Bindings: [affiliate_id, t0, t1]; the caller
 * appends paging. `count` and `total` (fen) are over every matching line.
 */
export function commissionEntriesSql(figure: CommissionFigure): string {
  return `
select e.id, e.kind, e.bucket, e.amount, e.created_at, e.order_id, o.display_id as order_display_id,
       coalesce(e.product_id, reversed.product_id) as product_id, pr.title as product_title,
       e.level, e.rate_bp, e.base_amount, e.withdrawal_id, e.note,
       cu.phone as buyer_phone, cu.first_name as buyer_first_name, cu.last_name as buyer_last_name,
       cu.email as buyer_email,
       count(*) over () as total_count, sum(e.amount) over () as total_amount
  from affiliate_ledger_entry e
  left join affiliate_ledger_entry reversed on reversed.id = e.reverses_entry_id
  left join "order" o on o.id = e.order_id
  left join product pr on pr.id = coalesce(e.product_id, reversed.product_id)
  left join customer cu on cu.id = coalesce(e.buyer_customer_id, reversed.buyer_customer_id)
 where e.deleted_at is null and e.affiliate_id = ? and e.created_at >= ? and e.created_at < ?
   and ${COMMISSION_FIGURE_KINDS[figure]}
 order by e.created_at, e.id`
}
