import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { ERROR_MESSAGES as M } from "./error-messages"

/**
 * Sign-up by email answers an email that already has an account with a stand-in token
 * (see auth/customer/emailpass/register). Creating the customer with it is refused
 * here with words the web and the mini-program show as they are: the member is told
 * what to do instead of a bare "not found".
 */
export function refuseStandInRegistrations() {
  return async (
    req: AuthenticatedMedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ) => {
    const { actor_id, auth_identity_id } = req.auth_context ?? {}
    if (actor_id || !auth_identity_id) return next()
    const auth = req.scope.resolve(Modules.AUTH)
    const [identity] = await auth.listAuthIdentities({ id: [auth_identity_id] }, { select: ["id"] })
    if (!identity) {
      return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, M.registrationNotCompleted))
    }
    next()
  }
}
