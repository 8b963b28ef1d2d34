import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { OfflineCertificatesBody, SubmitExamAttemptBody } from "./escort-training-validators"

/**
 * 陪诊员培训与考试. The escort token comes from escort-middlewares.ts (/escort/*); applicants
 * hold one too and may train before activation. Staff pass the admin gate (escort area).
 */
export const escortTrainingMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/escort/training/attempts/:id/submit",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(SubmitExamAttemptBody)],
  },
  {
    matcher: "/admin/escort-training/escorts/:id/certificates",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(OfflineCertificatesBody)],
  },
]
