/**
 * 我的订单's tabs, as shoppers know them from every Chinese shop. Medusa keeps payment,
 * fulfilment and order status apart; a member reads one word per order.
 */
export const ORDER_TABS = [
  { id: "all", label: "全部" },
  { id: "unpaid", label: "待付款" },
  { id: "paid", label: "已付款" },
  { id: "completed", label: "已完成" },
  { id: "canceled", label: "已取消" },
] as const

export type OrderTab = (typeof ORDER_TABS)[number]["id"]
export type OrderState = Exclude<OrderTab, "all">

type OrderStatuses = { status: string; payment_status: string; fulfillment_status?: string | null }

/** Payment states in which the shop has not received the money yet (offline: staff confirm). */
const UNPAID = new Set([
  "not_paid",
  "awaiting",
  "authorized",
  "requires_action",
  "partially_authorized",
])

export function orderState(order: OrderStatuses): OrderState {
  if (order.status === "canceled" || order.payment_status === "canceled") return "canceled"
  if (order.payment_status === "refunded") return "canceled"
  if (order.status === "completed" || order.fulfillment_status === "delivered") return "completed"
  if (UNPAID.has(order.payment_status)) return "unpaid"
  return "paid"
}

export function orderStateLabel(order: OrderStatuses): string {
  const state = orderState(order)
  if (state === "canceled" && order.payment_status === "refunded") return "已取消（已退款）"
  return ORDER_TABS.find((tab) => tab.id === state)!.label
}

export function parseOrderTab(value: string | undefined | null): OrderTab {
  return ORDER_TABS.some((tab) => tab.id === value) ? (value as OrderTab) : "all"
}

export function ordersInTab<T extends OrderStatuses>(orders: T[], tab: OrderTab): T[] {
  return tab === "all" ? orders : orders.filter((order) => orderState(order) === tab)
}

/** 已使用/未使用 beside the status tabs: whether the order's kits have reached the lab. */
export const ORDER_USAGE_TABS = [
  { id: "all", label: "全部" },
  { id: "unused", label: "未使用" },
  { id: "partly_used", label: "部分使用" },
  { id: "used", label: "已使用" },
] as const

export type OrderUsageTab = (typeof ORDER_USAGE_TABS)[number]["id"]

export function parseOrderUsageTab(value: string | undefined | null): OrderUsageTab {
  return ORDER_USAGE_TABS.some((tab) => tab.id === value) ? (value as OrderUsageTab) : "all"
}

/** The filter commerce's 我的订单 list takes for a status tab and a usage tab. */
export function orderListFilter(tab: OrderTab, usage: OrderUsageTab) {
  return {
    state: tab === "all" ? undefined : tab,
    usage: usage === "all" ? undefined : usage,
  }
}

/** 我的订单's address for a pair of tabs, leaving out what is 全部. */
export function orderTabsHref(base: string, tab: OrderTab, usage: OrderUsageTab): string {
  const params = new URLSearchParams()
  if (tab !== "all") params.set("tab", tab)
  if (usage !== "all") params.set("usage", usage)
  const search = params.toString()
  return search ? `${base}?${search}` : base
}
