import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AdminAppointmentActionBody,
  AdminDayQuery,
  AvailabilityQuery,
  BookAppointmentBody,
  CancelAppointmentBody,
  RescheduleAppointmentBody,
} from "./appointment-validators"

const member = authenticate("customer", ["session", "bearer"])

/** Appointments and clinic-session sign-ups; the admin gate in middlewares.ts covers /admin. */
export const appointmentsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/appointments*", middlewares: [member] },
  { matcher: "/store/clinic-sessions*", middlewares: [member] },
  { matcher: "/store/clinic-signups*", middlewares: [member] },
  {
    matcher: "/store/appointments",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(BookAppointmentBody)],
  },
  {
    matcher: "/store/appointments/availability",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AvailabilityQuery, {})],
  },
  {
    matcher: "/store/appointments/:id/cancel",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(CancelAppointmentBody)],
  },
  {
    matcher: "/store/appointments/:id/reschedule",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(RescheduleAppointmentBody)],
  },
  {
    matcher: "/admin/appointments",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminDayQuery, {})],
  },
  {
    matcher: "/admin/appointments/:id/:action",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminAppointmentActionBody)],
  },
]
