/** ¥1,234.56 from integer fen, exact (no float arithmetic on the amount). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : ""
  const abs = Math.abs(Math.trunc(fen))
  const yuan = Math.floor(abs / 100).toLocaleString("en-US")
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`
}

/** "+12.5%" / "-3%" / "—" when the previous period had nothing to compare with. */
export function formatPercent(percent: number | null): string {
  if (percent === null) return "—"
  return `${percent > 0 ? "+" : ""}${percent}%`
}

/** An instant in Beijing time, "2026-11-05 10:00". */
export function formatBeijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ")
}

const pad = (n: number) => String(n).padStart(2, "0")

/** Today's Beijing date. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

/** 本月: the first day of this Beijing month to today. */
export function thisMonth(now = new Date()): { from: string; to: string } {
  const today = beijingToday(now)
  return { from: `${today.slice(0, 7)}-01`, to: today }
}

/** 上月: the whole Beijing month before this one. */
export function lastMonth(now = new Date()): { from: string; to: string } {
  const [year, month] = beijingToday(now).split("-").map(Number)
  const y = month === 1 ? year - 1 : year
  const m = month === 1 ? 12 : month - 1
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` }
}
