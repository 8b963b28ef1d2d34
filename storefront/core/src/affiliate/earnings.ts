import { messages } from "../messages.zh-CN"
import type { LedgerEntry } from "./types"

const monthFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
})

/** "2026-11" in Shanghai time. */
export function shanghaiMonth(date: Date): string {
  const parts = monthFormat.formatToParts(date)
  const year = parts.find((p) => p.type === "year")?.value
  const month = parts.find((p) => p.type === "month")?.value
  return `${year}-${month?.padStart(2, "0")}`
}

export type MonthlyEarning = { month: string; label: string; amount: number }

/**
 * Net commission earned per month over the last `months` months (Shanghai time),
 * oldest first, months without earnings included: commissions minus their reversals.
 * Sums in fen so the chart never shows 0.30000000000000004.
 */
export function monthlyEarnings(
  entries: Pick<LedgerEntry, "kind" | "amount" | "created_at">[],
  now: Date,
  months = 6
): MonthlyEarning[] {
  const keys: string[] = []
  const cursor = new Date(now)
  for (let i = 0; i < months; i++) {
    keys.unshift(shanghaiMonth(cursor))
    cursor.setUTCDate(1)
    cursor.setUTCMonth(cursor.getUTCMonth() - 1)
  }
  const fen = new Map(keys.map((key) => [key, 0]))
  for (const entry of entries) {
    if (entry.kind !== "commission" && entry.kind !== "reversal") continue
    const key = shanghaiMonth(new Date(entry.created_at))
    if (fen.has(key)) fen.set(key, fen.get(key)! + Math.round(entry.amount * 100))
  }
  return keys.map((key) => ({
    month: key,
    label: `${Number(key.slice(5))}月`,
    amount: fen.get(key)! / 100,
  }))
}

/** Kept for callers that index by a plain string; the labels live in messages. */
export const WITHDRAWAL_STATUS_LABEL: Record<string, string> = messages.affiliate.withdrawalStatus

/** A share code from a `/r/<code>` path or `?ref=` value; null if it cannot be one. */
export function normalizeShareCode(raw: string | null | undefined): string | null {
  const code = raw?.trim().toUpperCase()
  return code && /^[2-9A-HJKMNP-Z]{4,12}$/.test(code) ? code : null
}

export {
  createAffiliateEarningsClient,
  monthLabel,
  type MonthlyEarningRow,
} from "./earnings-client"
