import {
  BALANCED_CONSTITUTION,
  CONSTITUTION_CODES,
  CONSTITUTION_NAMES,
  type ConstitutionCode,
  type ConstitutionScores,
  type ConstitutionVerdict,
  type ConstitutionVerdicts,
} from "@health/contracts"

type Result = {
  created_at: string
  scores: ConstitutionScores
  verdicts: ConstitutionVerdicts
}

export type TypeTrend = {
  code: ConstitutionCode
  name: string
  /** Scores oldest first. */
  series: number[]
  latest: number
  previous: number | null
  /** latest − previous, one decimal; null with a single result. */
  change: number | null
  direction: "up" | "down" | "same" | null
  /** Whether the change is good news: 平和质 rising, a 偏颇 type falling. */
  better: boolean | null
  latestVerdict: ConstitutionVerdict
}

export type ConstitutionTrend = {
  /** Dates of the results, oldest first. */
  dates: string[]
  types: TypeTrend[]
}

/** Changes smaller than this (score points) count as unchanged. */
const STEADY = 0.5

/** How each type's score moved over a member's results (given in any order). */
export function constitutionTrend(history: Result[]): ConstitutionTrend {
  const ordered = [...history].sort(
    (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  )
  const last = ordered[ordered.length - 1]
  const before = ordered[ordered.length - 2]
  return {
    dates: ordered.map((r) => r.created_at),
    types: last
      ? CONSTITUTION_CODES.map((code) => {
          const latest = last.scores[code]
          const previous = before ? before.scores[code] : null
          const change = previous === null ? null : Math.round((latest - previous) * 10) / 10
          const direction =
            change === null ? null : Math.abs(change) < STEADY ? "same" : change > 0 ? "up" : "down"
          return {
            code,
            name: CONSTITUTION_NAMES[code],
            series: ordered.map((r) => r.scores[code]),
            latest,
            previous,
            change,
            direction,
            better:
              direction === null || direction === "same"
                ? null
                : (direction === "up") === (code === BALANCED_CONSTITUTION),
            latestVerdict: last.verdicts[code],
          }
        })
      : [],
  }
}

export const TREND_ARROWS = { up: "↑", down: "↓", same: "→" } as const

/** A sparkline's SVG points for scores 0 … max in a width × height box (one point: centred). */
export function sparklinePoints(series: number[], width: number, height: number, max = 100) {
  if (!series.length) return ""
  const step = series.length > 1 ? width / (series.length - 1) : 0
  return series
    .map((value, i) => {
      const x = series.length > 1 ? i * step : width / 2
      const y = height - (Math.min(Math.max(value, 0), max) / max) * height
      return `${Math.round(x * 100) / 100},${Math.round(y * 100) / 100}`
    })
    .join(" ")
}
