import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type CartHolder = { customer_id: string | null; member: boolean }

/**
 * Whether `callerId` (undefined for a visitor) may use a cart owned as `holder` says.
 *
 * A member's cart is theirs alone. Medusa also attaches a guest's cart to a guest customer
 * (no account) made from the e-mail typed at checkout; such a cart, like one with no
 * customer, stays usable by whoever holds its id (the shopper's browser), signed in or not,
 * so a visitor can check out and a member can claim the cart they filled before signing in.
 */
export function mayUseCart(holder: CartHolder, callerId: string | undefined): boolean {
  if (!holder.customer_id || !holder.member) return true
  return holder.customer_id === callerId
}

type CartRow = {
  id: string
  customer_id?: string | null
  customer?: { has_account?: boolean } | null
}

/** Who holds cart `cartId`, or null when there is no such cart. */
export async function cartHolder(
  scope: MedusaContainer,
  cartId: string
): Promise<CartHolder | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: cartId },
  })
  const cart = data[0] as CartRow | undefined
  if (!cart) return null
  return { customer_id: cart.customer_id ?? null, member: !!cart.customer?.has_account }
}

type PaymentCollectionRow = { id: string; cart?: CartRow | null }

/** Who holds the cart a payment collection pays for, or null when it pays for no cart. */
export async function paymentCollectionHolder(
  scope: MedusaContainer,
  paymentCollectionId: string
): Promise<CartHolder | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "cart.id", "cart.customer_id", "cart.customer.has_account"],
    filters: { id: paymentCollectionId },
  })
  const row = data[0] as PaymentCollectionRow | undefined
  // A collection paying for no cart (an order's, made by staff) is not the shopper's to touch.
  if (!row?.cart) return null
  return { customer_id: row.cart.customer_id ?? null, member: !!row.cart.customer?.has_account }
}
