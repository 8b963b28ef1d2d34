import type { EscortLevel, EscortLevelRules } from "./escort-level"

export type EscortIncomeSettings = {
  share_percent: Record<EscortLevel, number>
  level_rules: EscortLevelRules
  /** Hours after 服务完成 before a pending earning releases itself without a dispute. */
  release_hours: number
}

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return process.env[name] && Number.isFinite(value) ? value : fallback
}

/**
 * Defaults until operations save their own: 60% / 70% / 80% of the price for 见习 / 银牌 /
 * 金牌 (ESCORT_SHARE_TRAINEE|SILVER|GOLD), income released 24 h after completion
 * (ESCORT_INCOME_RELEASE_HOURS); 银牌 from 20 services with 5+ ratings averaging 4.5,
 * 金牌 from 100 services with 20+ ratings averaging 4.8.
 */
export function escortIncomeDefaults(): EscortIncomeSettings {
  return {
    share_percent: {
      trainee: envNumber("ESCORT_SHARE_TRAINEE", 60),
      silver: envNumber("ESCORT_SHARE_SILVER", 70),
      gold: envNumber("ESCORT_SHARE_GOLD", 80),
    },
    level_rules: {
      silver: { min_completed: 20, min_ratings: 5, min_rating: 4.5 },
      gold: { min_completed: 100, min_ratings: 20, min_rating: 4.8 },
    },
    release_hours: envNumber("ESCORT_INCOME_RELEASE_HOURS", 24),
  }
}
