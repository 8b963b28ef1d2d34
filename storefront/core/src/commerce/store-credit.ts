import { formatCNY, parseYuanInput, toFen } from "../format"
import type { Money } from "./types"

export const STORE_CREDIT_AMOUNT_PROBLEM = "请填写正确的抵扣金额（元，最多两位小数）"

/** What the checkout says under the store-credit amount (余额抵扣). */
export const STORE_CREDIT_HINTS = {
  coversAll: "余额足以支付全部金额，提交后无需再支付。",
  partial: "其余金额用下方选择的方式支付。订单取消后，抵扣金额退回余额。",
} as const

/**
 * Fen of the member's balance to spend, from what they typed in yuan ("80.5"): nothing
 * unless they asked for it, never more than their balance when it is known. More than the
 * order costs is trimmed later, to the cart's own total (shipping may change it); the
 * server checks the balance again.
 */
export function storeCreditFen(
  use: boolean,
  typed: string,
  available?: Money
): { fen: number } | { problem: string } {
  if (!use) return { fen: 0 }
  const fen = parseYuanInput(typed)
  if (fen === null || fen <= 0) return { problem: STORE_CREDIT_AMOUNT_PROBLEM }
  if (available !== undefined && fen > toFen(available)) {
    return { problem: `抵扣金额不能超过可用余额 ${formatCNY(available)}` }
  }
  return { fen }
}

/** The most a member can apply: their balance, or the order's total when that is less (fen). */
export function maxStoreCreditFen(available: Money, orderTotal: Money): number {
  return Math.max(0, Math.min(toFen(available), toFen(orderTotal)))
}
