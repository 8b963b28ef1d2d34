import type { KitStatus } from "./kit-status.js"

/**
 * 已使用/未使用: an order-level state from its kits. A kit counts as used once it is activated
 * (barcode bound to a person, consent signed: domain.md) or at any later step, a rejected sample
 * included, as the member's kit page says (core's kitUsage); cancelled kits do not count. An
 * order without kits has no usage state (null).
 */
export const ORDER_USAGE_STATES = ["unused", "partly_used", "used"] as const

export type OrderUsageState = (typeof ORDER_USAGE_STATES)[number]

export const ORDER_USAGE_LABELS: Record<OrderUsageState, string> = {
  unused: "未使用",
  partly_used: "部分使用",
  used: "已使用",
}

/** Kit statuses from activation on. */
export const USED_KIT_STATUSES: readonly KitStatus[] = [
  "activated",
  "received",
  "testing",
  "report_ready",
  "delivered",
  "rejected",
]

/** The usage state of an order from its kits' statuses, null when it has no live kit. */
export function orderUsageOf(kitStatuses: readonly KitStatus[]): OrderUsageState | null {
  const live = kitStatuses.filter((status) => status !== "cancelled")
  if (!live.length) return null
  const used = live.filter((status) => USED_KIT_STATUSES.includes(status)).length
  if (used === 0) return "unused"
  return used === live.length ? "used" : "partly_used"
}

/**
 * The states staff list orders by (the requirements' 待付款、已付款、已完成、未完成、取消订单).
 * 未完成 is every open order (neither completed nor cancelled), paid or not; 待付款 and
 * 已付款 split it by whether the money was received.
 */
export const ORDER_BUSINESS_STATES = ["unpaid", "paid", "completed", "open", "canceled"] as const

export type OrderBusinessState = (typeof ORDER_BUSINESS_STATES)[number]

export const ORDER_BUSINESS_STATE_LABELS: Record<OrderBusinessState, string> = {
  unpaid: "待付款",
  paid: "已付款",
  completed: "已完成",
  open: "未完成",
  canceled: "已取消",
}

/** Where an order's money stands (captured: received; authorized: offline, awaiting finance). */
export const ORDER_PAYMENT_STATUSES = ["captured", "authorized", "not_paid", "canceled"] as const

export type OrderPaymentStatus = (typeof ORDER_PAYMENT_STATUSES)[number]

export const ORDER_PAYMENT_STATUS_LABELS: Record<OrderPaymentStatus, string> = {
  captured: "已收款",
  authorized: "待确认收款",
  not_paid: "未付款",
  canceled: "已取消",
}

/** One order as the member's 我的订单 and the staff list show it by business state. */
export type OrderBusinessView = {
  id: string
  display_id: number
  status: string
  /** One of the exclusive states: unpaid, paid, completed or canceled. */
  business_state: Exclude<OrderBusinessState, "open">
  business_state_label: string
  payment_status: OrderPaymentStatus
  payment_status_label: string
  payment_offline: boolean
  usage_state: OrderUsageState | null
  usage_label: string | null
  kit_count: number
  used_kit_count: number
  /** The order total in integer fen. */
  total_fen: number
  currency_code: string
  created_at: string
  /** The buyer's email: staff lists only (members read their own orders). */
  email?: string | null
  items: { title: string; quantity: number }[]
}
