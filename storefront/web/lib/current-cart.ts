import type { Cart } from "@health/core"
import { commerce } from "./backends"
import { readCartId } from "./cart-cookie"
import { readToken } from "./session"

/** The visitor's cart, or null when there is none (or the back end is unreachable). */
export async function currentCart(): Promise<Cart | null> {
  const cartId = await readCartId()
  if (!cartId) return null
  try {
    // A member's cart answers only with their token.
    return await commerce.getCart(cartId, await readToken())
  } catch (error) {
    console.error("[cart] could not load the cart:", (error as Error).message)
    return null
  }
}
