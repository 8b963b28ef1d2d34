import { beijingToday, lastMonth, thisMonth } from "../../components/finance/finance-format"

export type Period = { from: string; to: string }
export type PresetKey = "thisMonth" | "lastMonth" | "last7" | "last30"

const DAY_MS = 86_400_000

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The last `days` Beijing days, today included. */
export const lastDays = (days: number, now = new Date()): Period => {
  const today = beijingToday(now)
  return { from: shift(today, 1 - days), to: today }
}

export const PRESETS: { key: PresetKey; label: string; period: (now?: Date) => Period }[] = [
  { key: "thisMonth", label: "本月", period: thisMonth },
  { key: "lastMonth", label: "上月", period: lastMonth },
  { key: "last7", label: "近7天", period: (now) => lastDays(7, now) },
  { key: "last30", label: "近30天", period: (now) => lastDays(30, now) },
]

/** Which preset a period is, or null when it was picked by hand (自定义). */
export function presetOf(period: Period, now = new Date()): PresetKey | null {
  const match = PRESETS.find((preset) => {
    const p = preset.period(now)
    return p.from === period.from && p.to === period.to
  })
  return match?.key ?? null
}

/** Day series for up to ~3 months, week series up to a year, else months. */
export function granularityFor(period: Period): "day" | "week" | "month" {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY_MS + 1
  return days <= 92 ? "day" : days <= 200 ? "week" : "month"
}
