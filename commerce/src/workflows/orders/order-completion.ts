import type { KitStatus } from "../../lib/kits/kit-status"

const DEFAULT_AUTO_COMPLETE_DAYS = 7

/** Days after a report is out before its order completes unviewed (ORDER_AUTO_COMPLETE_DAYS). */
export function orderAutoCompleteDays(env = process.env): number {
  const days = Number(env.ORDER_AUTO_COMPLETE_DAYS)
  return Number.isFinite(days) && days >= 0 ? days : DEFAULT_AUTO_COMPLETE_DAYS
}

/** What decides whether an order has finished its business and may become 已完成. */
export type OrderCompletionFacts = {
  status: string
  /** Money received (captured); an unpaid order never completes by itself. */
  paid: boolean
  /** `report_ready_at`: when the kit's (latest) report came out; null before. */
  kits: { status: KitStatus; report_ready_at: Date | null }[]
  /** For orders without kits: a fulfilment delivered and not cancelled. */
  delivered: boolean
}

/**
 * True when the order is done: every live kit has its report viewed (delivered), or out
 * for `days` without being viewed; an order without kits when its goods were delivered.
 */
export function orderCompletionDue(facts: OrderCompletionFacts, now: Date, days: number): boolean {
  if (facts.status !== "pending" || !facts.paid) return false
  if (!facts.kits.length) return facts.delivered
  const live = facts.kits.filter((kit) => kit.status !== "cancelled")
  if (!live.length) return false
  const cutoff = now.getTime() - days * 24 * 3600_000
  return live.every(
    (kit) =>
      kit.status === "delivered" ||
      (kit.status === "report_ready" &&
        !!kit.report_ready_at &&
        kit.report_ready_at.getTime() <= cutoff)
  )
}
