import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AssignEscortBody,
  DispatchAlertsQuery,
  DispatchSettingBody,
  EscortScheduleBody,
  PutDutyRosterBody,
  ResolveDispatchAlertBody,
} from "./escort-dispatch-validators"

/**
 * 陪诊 dispatch routes. Escorts are authenticated by escortMiddlewares (/escort/*), staff
 * by the admin gate in middlewares.ts; these add the bodies' and queries' validation.
 */
export const escortDispatchMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/escort/schedule",
    methods: ["PUT"],
    middlewares: [validateAndTransformBody(EscortScheduleBody)],
  },
  {
    matcher: "/admin/escort-dispatch/settings",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(DispatchSettingBody)],
  },
  {
    matcher: "/admin/escort-dispatch/schedules/:escort_id",
    methods: ["PUT"],
    middlewares: [validateAndTransformBody(EscortScheduleBody)],
  },
  {
    matcher: "/admin/escort-dispatch/roster",
    methods: ["PUT"],
    middlewares: [validateAndTransformBody(PutDutyRosterBody)],
  },
  {
    matcher: "/admin/escort-dispatch/alerts",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(DispatchAlertsQuery, {})],
  },
  {
    matcher: "/admin/escort-dispatch/alerts/:id/resolve",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ResolveDispatchAlertBody)],
  },
  {
    matcher: "/admin/escort-bookings/:id/assign",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AssignEscortBody)],
  },
]
