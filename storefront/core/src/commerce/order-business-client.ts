import type { OrderBusinessState, OrderBusinessView, OrderUsageState } from "@health/contracts"
import { query } from "../http"
import { toMedusaAddress, type MemberAddressInput } from "./member-address"
import { commerceRequester, type CommerceClientOptions } from "./request"

/** Whether the member may still make a change, and if not, why (zh-CN, from commerce). */
export type OrderChangeAllowance = { allowed: boolean; reason: string | null }

/** One of the member's orders with its business state, usage and what they may still do. */
export type MemberBusinessOrder = OrderBusinessView & {
  edit: OrderChangeAllowance
  cancellation: OrderChangeAllowance
}

export type MemberOrdersFilter = {
  state?: Exclude<OrderBusinessState, "open">
  usage?: OrderUsageState
  limit?: number
  offset?: number
}

const noStore = { cacheHint: "no-store" as const }

/**
 * 我的订单 by business state (待付款, 已付款, 已完成, 已取消) and 已使用/未使用, filtered
 * and paged by commerce, and the member's own changes to an order before its kit ships.
 */
export function createOrderBusinessClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async list(token: string, filter: MemberOrdersFilter = {}) {
      return request<{ orders: OrderBusinessView[]; count: number; limit: number; offset: number }>(
        `/store/customers/me/orders${query({
          state: filter.state,
          usage: filter.usage,
          limit: filter.limit ?? 20,
          offset: filter.offset ?? 0,
        })}`,
        { token, ...noStore }
      )
    },

    async get(token: string, orderId: string): Promise<MemberBusinessOrder> {
      const { order } = await request<{ order: MemberBusinessOrder }>(
        `/store/orders/${encodeURIComponent(orderId)}/business`,
        { token, ...noStore }
      )
      return order
    },

    /** Sends the kit somewhere else; commerce answers 409 with the reason once it shipped. */
    async changeShippingAddress(
      token: string,
      orderId: string,
      address: MemberAddressInput
    ): Promise<void> {
      await request(`/store/orders/${encodeURIComponent(orderId)}/shipping-address`, {
        method: "POST",
        body: JSON.stringify({
          // The name split as the address book and checkout split it.
          first_name: toMedusaAddress(address).first_name,
          last_name: toMedusaAddress(address).last_name,
          phone: address.phone,
          province: address.province,
          city: address.city,
          district: address.district,
          street: address.street,
        }),
        token,
        ...noStore,
      })
    },

    /** Cancels the order; a paid one is refunded in full to where it came from. */
    async cancel(token: string, orderId: string): Promise<void> {
      await request(`/store/orders/${encodeURIComponent(orderId)}/cancel`, {
        method: "POST",
        body: "{}",
        token,
        ...noStore,
      })
    },
  }
}
