/**
 * Why a code is not on the cart: commerce's answer at GET /store/carts/:id/promotion-refusal.
 * Reason codes, not sentences: the storefronts word them (storefront/core promotions).
 */
export type PromotionRefusalReason =
  | "unknown"
  | "inactive"
  | "not_started"
  | "expired"
  | "usage_limit"
  | "minimum_not_met"
  | "members_only"
  | "not_for_products"
  | "not_applicable"

export type PromotionRefusal = {
  reason: PromotionRefusalReason
  /** The minimum spend in Medusa's major units (yuan), for minimum_not_met. */
  minimum_amount?: string
  starts_at?: string
  ends_at?: string
}
