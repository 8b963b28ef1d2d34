import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  CreateEscortBody,
  CreateEscortBookingBody,
  EscortProgressBody,
  EscortReportBody,
  EscortSopStepBody,
  EscortTasksQuery,
  PayEscortBookingBody,
} from "./escort-validators"

const member = authenticate("customer", ["session", "bearer"])
// Escorts are their own actor type, not shoppers with a flag (issue #20 item 6).
const escort = authenticate("escort", ["bearer"])

/** 陪诊 routes; the admin gate in middlewares.ts covers /admin. */
export const escortMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/escort-bookings*", middlewares: [member] },
  {
    matcher: "/store/escort-bookings",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateEscortBookingBody)],
  },
  {
    matcher: "/store/escort-bookings/:id/pay",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PayEscortBookingBody)],
  },
  { matcher: "/escort/*", middlewares: [escort] },
  {
    matcher: "/escort/tasks",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(EscortTasksQuery, {})],
  },
  {
    matcher: "/escort/tasks/:id/progress",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EscortProgressBody)],
  },
  {
    matcher: "/escort/tasks/:id/reports",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EscortReportBody)],
  },
  {
    matcher: "/escort/tasks/:id/sop-steps",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EscortSopStepBody)],
  },
  {
    matcher: "/admin/escorts",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CreateEscortBody)],
  },
]
