import type { MiddlewareRoute } from "@medusajs/framework/http"
import { enforcePasswordPolicy } from "./enforce-password-policy"

/**
 * Every route that sets a password follows the same policy: sign-up and reset of members and
 * staff (Medusa's patterns; without `methods` they are mounted ahead of every route, so an
 * app route overriding one, such as /auth/customer/emailpass/register, is covered too). The
 * member's password change checks it in its validator (store/customers/me/password).
 */
export const passwordPolicyMiddlewares: MiddlewareRoute[] = [
  { matcher: "/auth/:actor_type/:auth_provider/register", middlewares: [enforcePasswordPolicy] },
  { matcher: "/auth/:actor_type/:auth_provider/update", middlewares: [enforcePasswordPolicy] },
]
