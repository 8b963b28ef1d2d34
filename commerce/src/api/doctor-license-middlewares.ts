import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { acceptAdmissionDocument } from "./accept-admission-document"
import {
  AdminDoctorLicensesQuery,
  ReviewDoctorLicenseDocumentBody,
} from "./doctor-license-validators"

/**
 * Doctors' licence documents (#22). Doctors are authenticated by consultationMiddlewares
 * (/doctor/*), staff by the admin gate; uploads are read like escorts' admission documents.
 */
export const doctorLicenseMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/doctor/license-documents",
    methods: ["POST"],
    middlewares: [acceptAdmissionDocument()],
  },
  {
    matcher: "/admin/doctor-licenses",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminDoctorLicensesQuery, {})],
  },
  {
    matcher: "/admin/consultations/doctors/:id/license-documents/:document_id/review",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ReviewDoctorLicenseDocumentBody)],
  },
]
