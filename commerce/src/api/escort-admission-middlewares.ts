import {
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { acceptAdmissionDocument } from "./accept-admission-document"
import {
  AcceptApplicantConsentsBody,
  AdmissionListQuery,
  EscortApplicationBody,
  ReviewAdmissionDocumentBody,
  VerifyEscortIdentityBody,
} from "./escort-admission-validators"

/**
 * 陪诊员入驻. The escort token comes from escort-middlewares.ts (/escort/*); applicants hold
 * one too (POST /auth/escort/phone/apply). Staff pass the admin gate (escort area).
 */
export const escortAdmissionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/escort/admission",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(EscortApplicationBody)],
  },
  {
    matcher: "/escort/admission/consents",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AcceptApplicantConsentsBody)],
  },
  {
    matcher: "/escort/admission/verify",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(VerifyEscortIdentityBody)],
  },
  {
    matcher: "/escort/admission/documents",
    methods: ["POST"],
    middlewares: [acceptAdmissionDocument()],
  },
  {
    matcher: "/admin/escort-admission",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdmissionListQuery, {})],
  },
  {
    matcher: "/admin/escort-admission/:id/documents/:document_id/review",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(ReviewAdmissionDocumentBody)],
  },
]
