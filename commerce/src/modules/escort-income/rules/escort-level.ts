/** 陪诊员 levels, lowest first (the escort module stores the current one on the escort). */
export const ESCORT_LEVELS = ["trainee", "silver", "gold"] as const
export type EscortLevel = (typeof ESCORT_LEVELS)[number]

export const ESCORT_LEVEL_LABELS: Record<EscortLevel, string> = {
  trainee: "见习",
  silver: "银牌",
  gold: "金牌",
}

/** What a level above 见习 asks for: services completed, and ratings and their average. */
export type EscortLevelRule = { min_completed: number; min_ratings: number; min_rating: number }
export type EscortLevelRules = { silver: EscortLevelRule; gold: EscortLevelRule }

export type EscortRecord = {
  completed: number
  /** Null while nobody has rated the escort. */
  ratingAverage: number | null
  ratingCount: number
}

function meets(record: EscortRecord, rule: EscortLevelRule): boolean {
  return (
    record.completed >= rule.min_completed &&
    record.ratingCount >= rule.min_ratings &&
    (rule.min_ratings === 0 || (record.ratingAverage ?? 0) >= rule.min_rating)
  )
}

/**
 * The level an escort's record earns: the highest whose every condition it meets. Pure: the
 * ratings come from workflows/escort-review/escort-rating-inputs.ts (reviews, confirmations).
 */
export function escortLevel(record: EscortRecord, rules: EscortLevelRules): EscortLevel {
  if (meets(record, rules.gold)) return "gold"
  if (meets(record, rules.silver)) return "silver"
  return "trainee"
}

/** A level's condition in words, as the escort reads it in the app. */
export function levelCondition(rule: EscortLevelRule | null): string {
  if (!rule) return "入职即为见习陪诊员"
  const rating =
    rule.min_ratings > 0
      ? `，至少 ${rule.min_ratings} 条评分且平均分不低于 ${rule.min_rating.toFixed(1)}`
      : ""
  return `完成 ${rule.min_completed} 单服务${rating}`
}

/** What is still missing for `rule`, in words; null when the record already meets it. */
export function levelShortfall(record: EscortRecord, rule: EscortLevelRule): string | null {
  if (meets(record, rule)) return null
  const missing: string[] = []
  if (record.completed < rule.min_completed) {
    missing.push(`再完成 ${rule.min_completed - record.completed} 单`)
  }
  if (record.ratingCount < rule.min_ratings) {
    missing.push(`再获得 ${rule.min_ratings - record.ratingCount} 条评分`)
  }
  if (rule.min_ratings > 0 && (record.ratingAverage ?? 0) < rule.min_rating) {
    missing.push(`平均分达到 ${rule.min_rating.toFixed(1)}`)
  }
  return missing.join("，")
}
