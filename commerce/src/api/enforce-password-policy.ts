import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { passwordProblem } from "../lib/auth/password-policy"

/**
 * In front of Medusa's `/auth/:actor_type/:auth_provider/register` and `/update` (a reset
 * with its token): an email login, member or staff, gets a password only if it follows the
 * one policy (lib/auth/password-policy). Other providers (phone, WeChat) send no password.
 */
export function enforcePasswordPolicy(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  if (req.method !== "POST") return next()
  const body = (req.body ?? {}) as Record<string, unknown>
  const emailLogin = String(req.params.auth_provider ?? "").toLowerCase() === "emailpass"
  if (!emailLogin && !("password" in body)) return next()
  const problem = passwordProblem(body.password)
  if (problem) return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem))
  next()
}
