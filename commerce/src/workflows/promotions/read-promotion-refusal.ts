import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CHECKOUT_MESSAGES } from "../checkout/checkout-messages"
import {
  promotionRefusal,
  type CartForRefusal,
  type PromotionForRefusal,
  type PromotionRefusal,
} from "../../lib/promotions/promotion-refusal"

/** The cart fields promotion rules read (Medusa's rule attribute map), and the codes applied. */
const CART_FIELDS = [
  "id",
  "currency_code",
  "item_total",
  "item_subtotal",
  "subtotal",
  "total",
  "region.id",
  "sales_channel_id",
  "shipping_address.country_code",
  "customer.groups.id",
  "items.product.id",
  "items.product.collection_id",
  "items.product.type_id",
  "items.product.categories.id",
  "items.product.tags.id",
  "promotions.code",
]

export type PromotionCodeVerdict = {
  code: string
  applied: boolean
  refusal: PromotionRefusal | null
}

/**
 * Whether a code is on the cart and, when it is not, why (read only: applying is Medusa's
 * `POST /store/carts/:id/promotions`). A code on the cart answers applied with no refusal.
 */
export async function readPromotionRefusal(
  container: MedusaContainer,
  cartId: string,
  code: string,
  now = new Date()
): Promise<PromotionCodeVerdict> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: CART_FIELDS,
    filters: { id: cartId },
  })
  const cart = data[0] as (CartForRefusal & { promotions?: { code?: string }[] }) | undefined
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, CHECKOUT_MESSAGES.cartGone)
  if ((cart.promotions ?? []).some((p) => p?.code === code)) {
    return { code, applied: true, refusal: null }
  }
  const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions(
    { code },
    {
      relations: [
        "campaign",
        "campaign.budget",
        "rules",
        "rules.values",
        "application_method",
        "application_method.target_rules",
        "application_method.target_rules.values",
      ],
    }
  )
  const refusal = promotionRefusal(promotion as PromotionForRefusal | undefined, cart, now)
  return { code, applied: false, refusal: refusal ?? { reason: "not_applicable" } }
}
