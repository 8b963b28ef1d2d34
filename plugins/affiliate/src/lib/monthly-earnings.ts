/** A SQL runner: Medusa's PG connection (knex), whose `raw` answers `{ rows }`. */
type Pg = {
  raw<T>(sql: string, bindings: unknown[]): Promise<{ rows: T[] }>
}

export const MAX_EARNINGS_MONTHS = 24

const monthFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
})

/** "2026-11": the month an instant falls in, in Beijing time. */
export function shanghaiMonth(at: Date): string {
  const parts = monthFormat.formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part("year")}-${part("month")}`
}

/** The last `count` Beijing-time months up to and including now's, oldest first. */
export function lastShanghaiMonths(now: Date, count: number): string[] {
  const [year, month] = shanghaiMonth(now).split("-").map(Number)
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i)
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`
  })
}

/** Midnight on the 1st of a Beijing-time month, as an instant (China has no daylight saving). */
export const shanghaiMonthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`)

/**
 * Net commission per Beijing-time month (commissions less their reversals), in integer fen,
 * summed by Postgres over every entry of the period, however many there are. Months without
 * entries are 0.
 */
export async function monthlyEarningsFen(
  pg: Pg,
  affiliateId: string,
  now: Date,
  count: number
): Promise<{ month: string; amount_fen: number }[]> {
  const months = lastShanghaiMonths(now, count)
  const { rows } = await pg.raw<{ month: string; fen: string }>(
    `select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
            sum(amount)::bigint::text as fen
       from affiliate_ledger_entry
      where affiliate_id = ?
        and kind in ('commission', 'reversal')
        and deleted_at is null
        and created_at >= ?
      group by 1`,
    [affiliateId, shanghaiMonthStart(months[0]).toISOString()]
  )
  const fen = new Map(rows.map((row) => [row.month, Number(row.fen)]))
  return months.map((month) => ({ month, amount_fen: fen.get(month) ?? 0 }))
}
