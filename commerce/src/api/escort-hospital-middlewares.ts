import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { DispatchBoardQuery, EscortHospitalsQuery } from "./escort-hospital-validators"

/**
 * 陪诊 hospitals (public with the publishable key, like the catalogue) and the staff's
 * dispatch board list (the admin gate in middlewares.ts authenticates /admin).
 */
export const escortHospitalMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/escort-hospitals",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(EscortHospitalsQuery, {})],
  },
  {
    matcher: "/admin/escort-bookings",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(DispatchBoardQuery, {})],
  },
]
