import { inbox } from "./backends"
import { currentCart } from "./current-cart"
import { readToken } from "./session"

/** What the header shows one visitor: signed in or not, items in the cart, unread messages. */
export type SessionSummary = { signedIn: boolean; cartCount: number; unread: number }

/** The header's personal part, read per request; a back end that cannot answer counts 0. */
export async function sessionSummary(): Promise<SessionSummary> {
  const token = await readToken()
  const [cart, unread] = await Promise.all([
    currentCart(),
    token ? inbox.unreadCount(token).catch(() => 0) : Promise.resolve(0),
  ])
  const cartCount = (cart?.items ?? []).reduce((sum, item) => sum + item.quantity, 0)
  return { signedIn: Boolean(token), cartCount, unread }
}
