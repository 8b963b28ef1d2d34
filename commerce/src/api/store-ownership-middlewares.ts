import type { MiddlewareRoute } from "@medusajs/framework/http"
import { attachOrderAccessToken } from "./store/ownership/attach-order-access-token"
import {
  guardCartAccess,
  guardCartIdInRequest,
  guardPaymentCollectionAccess,
} from "./store/ownership/guard-cart-access"
import { guardOrderAccess } from "./store/ownership/guard-order-access"
import { keepGuestCartsGuest } from "./store/ownership/keep-guest-carts-guest"
import { refuseOrderTransfer } from "./store/ownership/refuse-order-transfer"
import { requireOwnOrderId } from "./store/ownership/require-own-order-id"

/**
 * Who may use an order or cart id in the store API (Medusa's own routes treat the id as the
 * only secret). Entries without `methods` are mounted by Express in front of every route
 * under the pattern, whatever the method or the spelling of the path.
 */
export const storeOwnershipMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/carts/:id", middlewares: [guardCartAccess] },
  { matcher: "/store/carts/:id", methods: ["POST"], middlewares: [keepGuestCartsGuest] },
  { matcher: "/store/payment-collections/:id", middlewares: [guardPaymentCollectionAccess] },
  { matcher: "/store/payment-collections", methods: ["POST"], middlewares: [guardCartIdInRequest] },
  { matcher: "/store/shipping-options", middlewares: [guardCartIdInRequest] },
  { matcher: "/store/orders/:id", middlewares: [guardOrderAccess] },
  { matcher: "/store/orders/:id/transfer", middlewares: [refuseOrderTransfer] },
  {
    matcher: "/store/carts/:id/complete",
    methods: ["POST"],
    middlewares: [attachOrderAccessToken],
  },
  {
    matcher: "/store/returns",
    methods: ["POST"],
    middlewares: [requireOwnOrderId({ guestsWithToken: true })],
  },
  {
    matcher: "/store/appointments",
    methods: ["POST"],
    middlewares: [requireOwnOrderId({ guestsWithToken: false })],
  },
]
