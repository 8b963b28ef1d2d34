import type { Appointment, TestMethod } from "@health/contracts"
import type { OrderChangeAllowance } from "./order-business-client"
import { commerceRequester, type CommerceClientOptions } from "./request"

/** A collection site, day and slot for on-site sampling. */
export type CollectionChoice = { site_id: string; date: string; slot: string }

/** One kit line of an order and how it is sampled. */
export type OrderLineTestMethod = {
  line_item_id: string
  title: string
  quantity: number
  method: TestMethod
  collection: (CollectionChoice & { site_name: string | null }) | null
}

/** Each kit line's method, the order's appointments, and whether they may still change. */
export type OrderTestMethods = {
  lines: OrderLineTestMethod[]
  appointments: Appointment[]
  change: OrderChangeAllowance
}

/** What the member asks for one line: a mailed kit, or on site at a site and slot. */
export type TestMethodChange =
  | { line_item_id: string; method: "mail_in" }
  | { line_item_id: string; method: "on_site"; collection: CollectionChoice }

export type TestMethodChangeResult = {
  order_id: string
  line_item_id: string
  method: TestMethod
  collection: (CollectionChoice & { site_name: string | null }) | null
  appointment: { id: string; site_name: string; date: string; slot: string } | null
}

/** Both methods cost the same and nothing is charged or refunded for a change. */
export const TEST_METHOD_PRICE_RULE = "修改采样方式不改变订单金额，不补差价也不退款。"

const noStore = { cacheHint: "no-store" as const }

/**
 * 修改检测方式/改约 in 我的订单: until the kit ships or the sample is taken, the member
 * switches a kit between a mailed kit and on-site collection, or moves its slot. Commerce
 * answers 409 with the zh-CN reason when the slot is full or the time has passed.
 */
export function createOrderTestMethodClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const path = (orderId: string) => `/store/orders/${encodeURIComponent(orderId)}/test-method`
  return {
    async get(token: string, orderId: string): Promise<OrderTestMethods> {
      const { test_methods } = await request<{ test_methods: OrderTestMethods }>(path(orderId), {
        token,
        ...noStore,
      })
      return test_methods
    },

    async change(
      token: string,
      orderId: string,
      change: TestMethodChange
    ): Promise<TestMethodChangeResult> {
      const { test_method } = await request<{ test_method: TestMethodChangeResult }>(
        path(orderId),
        {
          method: "POST",
          body: JSON.stringify(
            change.method === "on_site"
              ? {
                  line_item_id: change.line_item_id,
                  method: "on_site",
                  collection: {
                    site_id: change.collection.site_id,
                    date: change.collection.date,
                    slot: change.collection.slot,
                  },
                }
              : { line_item_id: change.line_item_id, method: "mail_in" }
          ),
          token,
          ...noStore,
        }
      )
      return test_method
    },
  }
}
