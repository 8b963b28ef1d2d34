import type { MiddlewareRoute } from "@medusajs/framework/http"

/**
 * 视频问诊. The token and call routes sit under /store/consultations* and /doctor/*, whose
 * sign-in the consultation middlewares already require; the signalling service's reports
 * are signed over the raw body.
 */
export const videoCallMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/hooks/video-call",
    methods: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [],
  },
]
