import { UNIONPAY_PROVIDER_ID } from "@health/medusa-plugin-unionpay"
import { beijingDayBounds } from "./beijing-day"

/**
 * How long before Beijing midnight a provider's bill day starts: UnionPay's 清算日 D runs
 * from 23:00 on D−1 to 23:00 on D, so a payment at 23:30 is on the next day's 流水文件.
 * The others bill by calendar day.
 */
const HOURS_BEFORE_MIDNIGHT: Record<string, number> = { [UNIONPAY_PROVIDER_ID]: 1 }

const HOUR_MS = 3600_000

/** The instants a provider's bill of `billDate` (YYYY-MM-DD) covers. */
export function billDayBounds(
  providerId: string,
  billDate: string
): { start: string; end: string } {
  const { start, end } = beijingDayBounds(billDate)
  const shift = (HOURS_BEFORE_MIDNIGHT[providerId] ?? 0) * HOUR_MS
  return {
    start: new Date(Date.parse(start) - shift).toISOString(),
    end: new Date(Date.parse(end) - shift).toISOString(),
  }
}

/** The bill day (YYYY-MM-DD) on which a provider lists what happened at `instant`. */
export function billDayOf(providerId: string, instant: Date): string {
  const shift = (HOURS_BEFORE_MIDNIGHT[providerId] ?? 0) * HOUR_MS
  return new Date(instant.getTime() + 8 * HOUR_MS + shift).toISOString().slice(0, 10)
}
