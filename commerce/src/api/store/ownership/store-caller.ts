import type { MedusaRequest } from "@medusajs/framework/http"

type MaybeAuthenticated = MedusaRequest & {
  auth_context?: { actor_type?: string; actor_id?: string }
}

/**
 * The signed-in member making a store request, or undefined for a visitor. Medusa
 * authenticates every /store request optionally, so the context is there whenever a valid
 * member token or session came with it.
 */
export function callerCustomerId(req: MedusaRequest): string | undefined {
  const auth = (req as MaybeAuthenticated).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : undefined
}
