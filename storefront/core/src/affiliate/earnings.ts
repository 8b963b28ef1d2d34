import { messages } from "../messages.zh-CN"

/** One bar of the 分销中心 earnings chart: a Beijing month and its net commission in yuan. */
export type MonthlyEarning = { month: string; label: string; amount: number }

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
