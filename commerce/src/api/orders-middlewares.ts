import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { guardPaidOrderCancel } from "./admin/orders/guard-paid-order-cancel"
import {
  AdminBusinessOrdersQuery,
  MemberOrdersQuery,
  OrderAddressBody,
  OrderTestMethodBody,
} from "./store/orders/validators"

const member = authenticate("customer", ["session", "bearer"])

/** The member's own order actions, beside Medusa's order routes, and staff's order lists. */
export const ordersMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/orders/:id/cancel", methods: ["POST"], middlewares: [member] },
  { matcher: "/store/orders/:id/cancellation", methods: ["GET"], middlewares: [member] },
  { matcher: "/store/orders/:id/business", methods: ["GET"], middlewares: [member] },
  {
    matcher: "/store/orders/:id/shipping-address",
    methods: ["POST"],
    middlewares: [member, validateAndTransformBody(OrderAddressBody)],
  },
  { matcher: "/store/orders/:id/test-method", methods: ["GET"], middlewares: [member] },
  {
    matcher: "/store/orders/:id/test-method",
    methods: ["POST"],
    middlewares: [member, validateAndTransformBody(OrderTestMethodBody)],
  },
  {
    matcher: "/store/customers/me/orders",
    methods: ["GET"],
    middlewares: [member, validateAndTransformQuery(MemberOrdersQuery, {})],
  },
  {
    matcher: "/admin/orders/business",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminBusinessOrdersQuery, {})],
  },
  // Cancelling a paid order refunds it: money staff only.
  { matcher: "/admin/orders/:id/cancel", methods: ["POST"], middlewares: [guardPaidOrderCancel] },
]
