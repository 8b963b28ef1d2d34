import { query } from "../http"
import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import type { MonthlyEarning } from "./earnings"

/** One month as GET /store/affiliate/earnings/monthly answers it. */
export type MonthlyEarningRow = { month: string; amount: number; amount_fen: number }

/** "11月" under a bar; the year shows only when the chart crosses one (see the chart). */
export const monthLabel = (month: string) => `${Number(month.slice(5))}月`

/**
 * The earnings chart's data, summed by commerce over all of the member's ledger entries
 * (a chart built from the first page of commissions would miss older and busier months).
 */
export function createAffiliateEarningsClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async monthly(token: string, months = 6): Promise<MonthlyEarning[]> {
      const { monthly_earnings } = await request<{ monthly_earnings: MonthlyEarningRow[] }>(
        `/store/affiliate/earnings/monthly${query({ months })}`,
        { token, cacheHint: "no-store" }
      )
      // Yuan from the exact fen, so the chart never shows 0.30000000000000004.
      return monthly_earnings.map((row) => ({
        month: row.month,
        label: monthLabel(row.month),
        amount: row.amount_fen / 100,
      }))
    },
  }
}
