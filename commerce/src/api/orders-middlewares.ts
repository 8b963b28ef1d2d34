import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { guardPaidOrderCancel } from "./admin/orders/guard-paid-order-cancel"

const member = authenticate("customer", ["session", "bearer"])

/** The member's own order actions, beside Medusa's order routes. */
export const ordersMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/orders/:id/cancel", methods: ["POST"], middlewares: [member] },
  { matcher: "/store/orders/:id/cancellation", methods: ["GET"], middlewares: [member] },
  // Cancelling a paid order refunds it: money staff only.
  { matcher: "/admin/orders/:id/cancel", methods: ["POST"], middlewares: [guardPaidOrderCancel] },
]
