import {
  ORDER_BUSINESS_STATES,
  ORDER_BUSINESS_STATE_LABELS,
  ORDER_USAGE_LABELS,
  ORDER_USAGE_STATES,
  orderUsageOf,
} from "../order-business"

describe("order usage (已使用/未使用)", () => {
  it("an order none of whose kits is activated yet is unused", () => {
    expect(orderUsageOf(["ordered", "shipped"])).toBe("unused")
  })

  it("one kit of two activated (or further) makes the order partly used", () => {
    expect(orderUsageOf(["activated", "shipped"])).toBe("partly_used")
    expect(orderUsageOf(["received", "ordered"])).toBe("partly_used")
  })

  it("every kit activated or later, a rejected sample included, makes it used", () => {
    expect(orderUsageOf(["activated", "delivered", "rejected", "testing"])).toBe("used")
  })

  it("cancelled kits do not count, and an order without live kits has no usage", () => {
    expect(orderUsageOf(["cancelled", "report_ready"])).toBe("used")
    expect(orderUsageOf(["cancelled"])).toBeNull()
    expect(orderUsageOf([])).toBeNull()
  })

  it("every state has a zh-CN label", () => {
    expect(ORDER_USAGE_STATES.map((s) => ORDER_USAGE_LABELS[s])).toEqual([
      "未使用",
      "部分使用",
      "已使用",
    ])
    expect(ORDER_BUSINESS_STATES.map((s) => ORDER_BUSINESS_STATE_LABELS[s])).toEqual([
      "待付款",
      "已付款",
      "已完成",
      "未完成",
      "已取消",
    ])
  })
})
