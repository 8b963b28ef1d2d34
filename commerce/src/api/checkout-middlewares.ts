import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { CheckoutBody } from "./store/carts/[id]/checkout/validators"
import { PromotionRefusalQuery } from "./store/carts/[id]/promotion-refusal/validators"
import { keepGuestCartsGuest } from "./store/ownership/keep-guest-carts-guest"

const shopper = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/**
 * The server-run checkout and its outcome (issue #19). The cart guards of
 * store-ownership-middlewares cover both paths; a visitor's e-mail never hands the cart to
 * the member who owns that address (keepGuestCartsGuest), as on Medusa's own cart route.
 */
export const checkoutMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/carts/:id/checkout",
    methods: ["POST"],
    middlewares: [shopper, validateAndTransformBody(CheckoutBody), keepGuestCartsGuest],
  },
  { matcher: "/store/carts/:id/payment-status", methods: ["GET"], middlewares: [shopper] },
  // Why a promotion code is not on the cart (applying it is Medusa's own promotions route).
  {
    matcher: "/store/carts/:id/promotion-refusal",
    methods: ["GET"],
    middlewares: [shopper, validateAndTransformQuery(PromotionRefusalQuery, {})],
  },
]
