// Components receive their cart handlers as props in tests; the real ones are Next server actions.
const unavailable = async () => ({
  ok: false as const,
  error: "server actions are not available in unit tests",
})

export const addToCart = unavailable
export const setLineQuantity = unavailable
export const removeLine = unavailable
export type { CartActionResult } from "../../lib/cart-actions"
