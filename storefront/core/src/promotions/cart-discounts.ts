import { toFen } from "../format"
import type { Cart } from "../commerce/types"

/** One promotion on a cart and what it takes off, in fen, from Medusa's adjustments. */
export type CartDiscount = {
  code: string
  /** Applied by Medusa without a code being typed (an automatic promotion). */
  automatic: boolean
  amountFen: number
}

/**
 * The cart's promotions for the totals panel: each with its amount summed from Medusa's line
 * and shipping adjustments (integer fen, never floats), automatic ones marked. The total
 * discount itself is Medusa's `discount_total`.
 */
export function cartDiscounts(
  cart: Pick<Cart, "promotions" | "items" | "shipping_methods">
): CartDiscount[] {
  const byCode = new Map<string, number>()
  const adjustments = [
    ...(cart.items ?? []).flatMap((item) => item.adjustments ?? []),
    ...(cart.shipping_methods ?? []).flatMap((method) => method.adjustments ?? []),
  ]
  for (const adjustment of adjustments) {
    if (!adjustment.code) continue
    byCode.set(adjustment.code, (byCode.get(adjustment.code) ?? 0) + toFen(adjustment.amount))
  }
  return (cart.promotions ?? [])
    .filter((promotion) => promotion.code)
    .map((promotion) => ({
      code: promotion.code as string,
      automatic: !!promotion.is_automatic,
      amountFen: byCode.get(promotion.code as string) ?? 0,
    }))
}

/** The codes a shopper typed (automatic promotions cannot be removed by them). */
export function typedPromotionCodes(cart: Pick<Cart, "promotions">): string[] {
  return (cart.promotions ?? [])
    .filter((promotion) => promotion.code && !promotion.is_automatic)
    .map((promotion) => promotion.code as string)
}
