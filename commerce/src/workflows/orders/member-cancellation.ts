import { KIT_STATUS_LABELS, type KitStatus } from "../../lib/kits/kit-status"

/**
 * What decides whether a member may change or cancel an order themselves (the 规定时间):
 * until the first kit leaves the warehouse or the sample is taken on site, changing or
 * cancelling costs the shop nothing, so it is self-service (paid orders are refunded in
 * full). Afterwards it is a return, which customer service handles.
 */
export type OrderCancellationFacts = {
  status: string
  /** Medusa fulfillments; only ones not cancelled count. */
  fulfillments: { canceled_at?: Date | string | null }[]
  kit_statuses: KitStatus[]
  appointment_statuses: string[]
}

export type MemberOrderChange = "cancel" | "edit"

const WORDING: Record<MemberOrderChange, { verb: string; afterwards: string }> = {
  cancel: { verb: "取消", afterwards: "如需退款请联系客服" },
  edit: { verb: "修改", afterwards: "如需帮助请联系客服" },
}

/** A zh-CN reason the member cannot make `change` to the order, or null when they can. */
export function memberOrderChangeRefusal(
  facts: OrderCancellationFacts,
  change: MemberOrderChange
): string | null {
  const { verb, afterwards } = WORDING[change]
  if (facts.status === "canceled") return "订单已取消"
  if (facts.status === "completed") return `订单已完成，不能${verb}；${afterwards}`
  if (facts.status !== "pending") return `订单当前不能${verb}；${afterwards}`
  if (facts.fulfillments.some((fulfillment) => !fulfillment.canceled_at)) {
    return `订单已发货，不能${verb}；${afterwards}`
  }
  const used = facts.kit_statuses.find((status) => status !== "ordered" && status !== "cancelled")
  if (used) return `检测盒${KIT_STATUS_LABELS[used]}，订单不能再${verb}；${afterwards}`
  if (facts.appointment_statuses.includes("completed")) {
    return `已完成现场采样，订单不能再${verb}；${afterwards}`
  }
  return null
}

/** A zh-CN reason the member cannot cancel, or null when they can. */
export const memberCancellationRefusal = (facts: OrderCancellationFacts) =>
  memberOrderChangeRefusal(facts, "cancel")
