import {
  authenticate,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import {
  AssessmentPdfQuery,
  GrantAssessmentBody,
  PublishAssessmentReportBody,
} from "./assessment-validators"

const member = authenticate("customer", ["session", "bearer"])

/** 检测评估 routes; /doctor/* is authenticated for doctors in consultation-middlewares.ts. */
export const assessmentMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/assessments*", middlewares: [member] },
  {
    matcher: "/store/assessments",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(GrantAssessmentBody)],
  },
  {
    matcher: "/store/assessments/:id/pdf",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AssessmentPdfQuery, {})],
  },
  {
    matcher: "/doctor/assessments/:id/report",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(PublishAssessmentReportBody)],
  },
]
