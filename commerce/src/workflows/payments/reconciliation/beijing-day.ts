/** A Beijing calendar day (YYYY-MM-DD) as the instants it starts and ends at. */
export function beijingDayBounds(date: string): { start: string; end: string } {
  const start = new Date(`${date}T00:00:00+08:00`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(start.getTime()))
    throw new Error(`not a date: ${date}`)
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + 24 * 3600_000).toISOString(),
  }
}

/** The Beijing date of an instant. */
export function beijingDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** Yesterday in Beijing: the last day WeChat has a complete bill for. */
export function beijingYesterday(now = new Date()): string {
  return beijingDateOf(new Date(now.getTime() - 24 * 3600_000))
}
