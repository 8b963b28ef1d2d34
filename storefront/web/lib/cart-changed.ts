/**
 * The header's cart count is read by the browser (the header is part of pages served from
 * cache, so it cannot be rendered per visitor): whatever changes the cart says so with this
 * event, and the count is read again.
 */
export const CART_CHANGED_EVENT = "health:cart-changed"

export function announceCartChanged(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(CART_CHANGED_EVENT))
}
