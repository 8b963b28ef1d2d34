/**
 * Why Medusa's promotion module left a code off a cart. Medusa decides (its
 * `POST /store/carts/:id/promotions` answers 200 and simply leaves a code out that does not
 * apply); this only names the likeliest reason afterwards, so the shopper reads more than
 * "无效".
 */
import type { PromotionRefusal } from "@health/contracts"

export type { PromotionRefusal, PromotionRefusalReason } from "@health/contracts"

type RuleValue = { value: string }
export type PromotionRule = { attribute: string; operator: string; values?: RuleValue[] }

/** The promotion module's answer with campaign, budget, rules and application method. */
export type PromotionForRefusal = {
  code?: string | null
  status?: string | null
  limit?: number | null
  used?: number | null
  rules?: PromotionRule[]
  campaign?: {
    starts_at?: Date | string | null
    ends_at?: Date | string | null
    budget?: { limit?: unknown; used?: unknown } | null
  } | null
  application_method?: {
    currency_code?: string | null
    target_type?: string | null
    target_rules?: PromotionRule[]
  } | null
}

/** The cart as promotion rules see it (the attribute paths of Medusa's rule map). */
export type CartForRefusal = Record<string, unknown> & {
  currency_code?: string
  items?: Record<string, unknown>[]
}

/** Rule attributes that mean "spend at least this much". */
const SPEND_ATTRIBUTES = new Set([
  "item_total",
  "item_subtotal",
  "subtotal",
  "total",
  "original_item_total",
])

/** Every value at a dotted path, arrays flattened ("items.product.tags.id"). */
export function valuesAt(source: unknown, path: string): unknown[] {
  let current: unknown[] = [source]
  for (const key of path.split(".")) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) =>
        value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined
      )
      .filter((value) => value !== undefined && value !== null)
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]))
}

/** An amount in fen, read as text so no float rounds it (Medusa sends numbers or strings). */
function fen(amount: unknown): number {
  const [whole, fraction = ""] = String(amount).trim().split(".")
  const sign = whole.startsWith("-") ? -1 : 1
  return (
    sign * (Math.abs(parseInt(whole, 10) || 0) * 100 + parseInt((fraction + "00").slice(0, 2), 10))
  )
}

function compare(operator: string, actual: unknown, expected: string): boolean {
  if (["gt", "gte", "lt", "lte"].includes(operator)) {
    const a = fen(actual)
    const b = fen(expected)
    if (operator === "gt") return a > b
    if (operator === "gte") return a >= b
    if (operator === "lt") return a < b
    return a <= b
  }
  return String(actual) === expected
}

/** Whether one rule holds for a context, with the operators Medusa's rules use. */
export function ruleHolds(rule: PromotionRule, context: unknown, path = rule.attribute): boolean {
  const expected = (rule.values ?? []).map((v) => v.value)
  const actual = valuesAt(context, path)
  if (rule.operator === "ne") return !actual.some((a) => expected.includes(String(a)))
  if (!actual.length) return false
  return actual.some((a) => expected.some((e) => compare(rule.operator, a, e)))
}

const iso = (date: Date | string) => new Date(date).toISOString()

function orderRuleRefusal(rule: PromotionRule): PromotionRefusal {
  if (SPEND_ATTRIBUTES.has(rule.attribute) && ["gt", "gte"].includes(rule.operator)) {
    return { reason: "minimum_not_met", minimum_amount: rule.values?.[0]?.value }
  }
  if (rule.attribute.startsWith("customer.")) return { reason: "members_only" }
  return { reason: "not_applicable" }
}

/** Whether the promotion's usage limit or its campaign's budget is used up. */
function usedUp(promotion: PromotionForRefusal): boolean {
  if (typeof promotion.limit === "number" && (promotion.used ?? 0) >= promotion.limit) return true
  const budget = promotion.campaign?.budget
  return !!budget && budget.limit != null && fen(budget.used ?? 0) >= fen(budget.limit)
}

/**
 * The first reason, in the order a shopper can act on (exists, running, not used up, the
 * cart meets its conditions); null when nothing explains it (the code should apply).
 */
export function promotionRefusal(
  promotion: PromotionForRefusal | undefined,
  cart: CartForRefusal,
  now: Date
): PromotionRefusal | null {
  if (!promotion) return { reason: "unknown" }
  const campaign = promotion.campaign
  if (promotion.status === "draft") return { reason: "not_started" }
  if (promotion.status !== "active") return { reason: "inactive" }
  if (campaign?.starts_at && new Date(campaign.starts_at) > now) {
    return { reason: "not_started", starts_at: iso(campaign.starts_at) }
  }
  if (campaign?.ends_at && new Date(campaign.ends_at) <= now) {
    return { reason: "expired", ends_at: iso(campaign.ends_at) }
  }
  if (usedUp(promotion)) return { reason: "usage_limit" }
  const method = promotion.application_method
  if (method?.currency_code && method.currency_code !== cart.currency_code) {
    return { reason: "not_applicable" }
  }
  const failing = (promotion.rules ?? []).find((rule) => !ruleHolds(rule, cart))
  if (failing) return orderRuleRefusal(failing)
  // Item promotions: at least one line must meet every target rule ("items.x" read per line).
  const targets = method?.target_type === "items" ? (method.target_rules ?? []) : []
  if (targets.length) {
    const eligible = (cart.items ?? []).some((item) =>
      targets.every((rule) => ruleHolds(rule, item, rule.attribute.replace(/^items\./, "")))
    )
    if (!eligible) return { reason: "not_for_products" }
  }
  return null
}
