import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

const member = authenticate("customer", ["session", "bearer"])

/** The member's own order actions, beside Medusa's order routes. */
export const ordersMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/orders/:id/cancel", methods: ["POST"], middlewares: [member] },
  { matcher: "/store/orders/:id/cancellation", methods: ["GET"], middlewares: [member] },
]
