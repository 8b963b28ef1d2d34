import type { MiddlewareRoute } from "@medusajs/framework/http"
import { limitPasswordResetRequests } from "./limit-password-reset-requests"

/**
 * Password reset by email for members and staff runs on Medusa's own routes:
 * `/auth/:actor_type/emailpass/reset-password` (mails a link, see
 * subscribers/auth-password-reset-email.ts) and `/update` (sets the password with the link's
 * token; the policy is checked in password-policy-middlewares.ts). Only the request is limited here.
 */
export const passwordResetMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/auth/:actor_type/emailpass/reset-password",
    methods: ["POST"],
    middlewares: [limitPasswordResetRequests],
  },
]
