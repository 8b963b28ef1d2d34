import type { Cart, Region } from "@health/core"
import { commerce } from "./clients"
import { session } from "./session"

let region: Promise<Region> | null = null

/** The CNY region every price is shown in; asked once per launch. */
export function currentRegion(): Promise<Region> {
  region ??= commerce.getRegion().catch((error) => {
    region = null
    throw error
  })
  return region
}

/** The shopper's open cart, or null; a cart that is gone (completed, expired) is forgotten. */
export async function currentCart(): Promise<Cart | null> {
  const id = session.cartId()
  if (!id) return null
  // A member's cart answers only with their token.
  const cart = await commerce.getCart(id, session.token())
  if (!cart || (cart as Cart & { completed_at?: string | null }).completed_at) {
    session.clearCart()
    return null
  }
  return cart
}

export async function addToCart(variantId: string, quantity = 1): Promise<Cart> {
  let cart = await currentCart()
  if (!cart) {
    cart = await commerce.createCart((await currentRegion()).id, session.token())
    session.setCartId(cart.id)
  }
  return commerce.addLineItem(cart.id, variantId, quantity, session.token())
}

export const itemCount = (cart: Cart | null) =>
  (cart?.items ?? []).reduce((sum, line) => sum + line.quantity, 0)
