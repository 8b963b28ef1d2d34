import { promotionRefusal, ruleHolds, valuesAt } from "../promotion-refusal"

const NOW = new Date("2026-12-07T08:00:00Z")
const cart = {
  currency_code: "cny",
  item_total: 398,
  customer: { groups: [{ id: "cusgroup_1" }] },
  items: [
    { product: { id: "prod_sport", tags: [{ id: "ptag_hot" }] } },
    { product: { id: "prod_food", tags: [] } },
  ],
}
const active = { code: "X", status: "active", application_method: { currency_code: "cny" } }
const day = 86_400_000

describe("why a promotion is not on the cart", () => {
  it("names the lifecycle reasons first: unknown, draft, inactive, not started, expired, used up", () => {
    expect(promotionRefusal(undefined, cart, NOW)).toEqual({ reason: "unknown" })
    expect(promotionRefusal({ ...active, status: "draft" }, cart, NOW)).toEqual({
      reason: "not_started",
    })
    expect(promotionRefusal({ ...active, status: "inactive" }, cart, NOW)).toEqual({
      reason: "inactive",
    })
    const later = new Date(NOW.getTime() + day)
    expect(promotionRefusal({ ...active, campaign: { starts_at: later } }, cart, NOW)).toEqual({
      reason: "not_started",
      starts_at: later.toISOString(),
    })
    const earlier = new Date(NOW.getTime() - day)
    expect(promotionRefusal({ ...active, campaign: { ends_at: earlier } }, cart, NOW)).toEqual({
      reason: "expired",
      ends_at: earlier.toISOString(),
    })
    expect(promotionRefusal({ ...active, limit: 5, used: 5 }, cart, NOW)).toEqual({
      reason: "usage_limit",
    })
    expect(
      promotionRefusal({ ...active, campaign: { budget: { limit: 1000, used: 1000 } } }, cart, NOW)
    ).toEqual({ reason: "usage_limit" })
  })

  it("then the cart's conditions: minimum spend, member groups, products", () => {
    const minimum = (value: string) => ({
      ...active,
      rules: [{ attribute: "item_total", operator: "gte", values: [{ value }] }],
    })
    expect(promotionRefusal(minimum("500"), cart, NOW)).toEqual({
      reason: "minimum_not_met",
      minimum_amount: "500",
    })
    expect(promotionRefusal(minimum("398"), cart, NOW)).toBeNull()
    const groups = {
      ...active,
      rules: [
        { attribute: "customer.groups.id", operator: "in", values: [{ value: "cusgroup_2" }] },
      ],
    }
    expect(promotionRefusal(groups, cart, NOW)).toEqual({ reason: "members_only" })
    const forProduct = (id: string) => ({
      ...active,
      application_method: {
        currency_code: "cny",
        target_type: "items",
        target_rules: [{ attribute: "items.product.id", operator: "in", values: [{ value: id }] }],
      },
    })
    expect(promotionRefusal(forProduct("prod_ancestry"), cart, NOW)).toEqual({
      reason: "not_for_products",
    })
    expect(promotionRefusal(forProduct("prod_food"), cart, NOW)).toBeNull()
    expect(
      promotionRefusal({ ...active, application_method: { currency_code: "usd" } }, cart, NOW)
    ).toEqual({ reason: "not_applicable" })
  })

  it("reads dotted paths through arrays and compares amounts as fen", () => {
    expect(valuesAt(cart, "items.product.tags.id")).toEqual(["ptag_hot"])
    expect(valuesAt(cart, "customer.groups.id")).toEqual(["cusgroup_1"])
    const rule = (operator: string, value: string) => ({
      attribute: "item_total",
      operator,
      values: [{ value }],
    })
    expect(ruleHolds(rule("gt", "397.99"), cart)).toBe(true)
    expect(ruleHolds(rule("lt", "398"), cart)).toBe(false)
    expect(ruleHolds(rule("lte", "398.00"), cart)).toBe(true)
    expect(
      ruleHolds(
        { attribute: "items.product.id", operator: "ne", values: [{ value: "prod_x" }] },
        cart
      )
    ).toBe(true)
  })
})
