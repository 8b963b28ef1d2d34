import {
  ORDER_USAGE_TABS,
  orderListFilter,
  orderState,
  orderStateLabel,
  ordersInTab,
  orderTabsHref,
  parseOrderTab,
  parseOrderUsageTab,
} from "../commerce/order-tabs"

const order = (status: string, payment_status: string, fulfillment_status = "not_fulfilled") => ({
  status,
  payment_status,
  fulfillment_status,
})

describe("order tabs", () => {
  it.each([
    [order("pending", "captured"), "paid", "已付款"],
    // Offline payment: staff have not confirmed the money yet.
    [order("pending", "authorized"), "unpaid", "待付款"],
    [order("pending", "not_paid"), "unpaid", "待付款"],
    [order("pending", "partially_refunded", "shipped"), "paid", "已付款"],
    [order("completed", "captured", "delivered"), "completed", "已完成"],
    [order("pending", "captured", "delivered"), "completed", "已完成"],
    [order("canceled", "canceled"), "canceled", "已取消"],
    [order("canceled", "refunded"), "canceled", "已取消（已退款）"],
  ])("%j is %s", (statuses, state, label) => {
    expect(orderState(statuses)).toBe(state)
    expect(orderStateLabel(statuses)).toBe(label)
  })

  it("filters orders by tab and reads unknown tabs as 全部", () => {
    const orders = [order("pending", "captured"), order("pending", "authorized")]
    expect(ordersInTab(orders, "unpaid")).toEqual([orders[1]])
    expect(ordersInTab(orders, "all")).toEqual(orders)
    expect(parseOrderTab("paid")).toBe("paid")
    expect(parseOrderTab("../x")).toBe("all")
    expect(parseOrderTab(undefined)).toBe("all")
  })
})

describe("order usage tabs", () => {
  it("reads the usage tab, unknown ones as 全部", () => {
    expect(parseOrderUsageTab("unused")).toBe("unused")
    expect(parseOrderUsageTab("partly_used")).toBe("partly_used")
    expect(parseOrderUsageTab("<script>")).toBe("all")
    expect(parseOrderUsageTab(null)).toBe("all")
    expect(ORDER_USAGE_TABS.map((tab) => tab.label)).toEqual([
      "全部",
      "未使用",
      "部分使用",
      "已使用",
    ])
  })

  it("turns a pair of tabs into commerce's filter and the page's address", () => {
    expect(orderListFilter("paid", "unused")).toEqual({ state: "paid", usage: "unused" })
    expect(orderListFilter("all", "all")).toEqual({ state: undefined, usage: undefined })
    expect(orderTabsHref("/account/orders", "all", "all")).toBe("/account/orders")
    expect(orderTabsHref("/account/orders", "completed", "used")).toBe(
      "/account/orders?tab=completed&usage=used"
    )
    expect(orderTabsHref("/account/orders", "all", "unused")).toBe("/account/orders?usage=unused")
  })
})
