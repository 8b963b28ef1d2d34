/**
 * Paying levels are capped at 3 in code: China's 禁止传销条例 treats deeper
 * team-based pay as pyramid selling, whatever an operator configures.
 */
export const MAX_LEVELS = 3
export const DEFAULT_RATES_BP = [800, 400]
/** No single level may pay more than half of what the buyer paid. */
const MAX_RATE_BP = 5000

export class InvalidRatesError extends Error {}

/** Checks a per-level rate list (basis points) and returns it, or throws with a reason. */
export function validateRates(rates: unknown): number[] {
  if (!Array.isArray(rates) || rates.length === 0) {
    throw new InvalidRatesError("至少需要设置一级佣金比例")
  }
  if (rates.length > MAX_LEVELS) {
    throw new InvalidRatesError(
      `分销层级最多 ${MAX_LEVELS} 级（法规限制），不能设置第 ${rates.length} 级`
    )
  }
  rates.forEach((rate, index) => {
    if (!Number.isInteger(rate) || rate < 0 || rate > MAX_RATE_BP) {
      throw new InvalidRatesError(
        `第 ${index + 1} 级佣金比例须为 0 到 ${MAX_RATE_BP} 之间的整数（基点）`
      )
    }
  })
  return rates as number[]
}

/**
 * A product's own cashback ratio, from its metadata `affiliate_rates`: percents per
 * level separated by commas ("10,5" is 10% and 5%, "8.5" is 8.5% for level 1 only).
 * Returns null when the product has none or it is malformed (the defaults apply).
 */
export function productRatesFromMetadata(
  metadata: Record<string, unknown> | null | undefined
): number[] | null {
  const raw = metadata?.affiliate_rates
  if (raw === undefined || raw === null || raw === "") return null
  const parts = String(raw)
    .split(/[,，]/)
    .map((part) => part.trim())
  if (parts.length > MAX_LEVELS || parts.some((part) => !/^\d{1,2}(\.\d{1,2})?$/.test(part))) {
    return null
  }
  return parts.map((part) => Math.round(Number(part) * 100))
}
