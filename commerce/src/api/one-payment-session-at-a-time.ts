import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { ERROR_MESSAGES as M } from "./error-messages"

const WAIT_SECONDS = 15
const HOLD_AT_MOST_SECONDS = 60

/**
 * Medusa's payment-session route gives a member's first payment a payment account
 * holder (one per customer and provider, unique in the database). Two checkouts
 * started at once both saw none, both created one, and the second failed with
 * "Account holder … already exists". One member's payment sessions are therefore
 * created one after the other (Medusa's locking module, shared by every server
 * process): the second waits and finds the holder the first made. Guests have no
 * account holder and are not held up.
 */
export function onePaymentSessionAtATime() {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const customerId = req.auth_context?.actor_id
    if (!customerId || req.auth_context?.actor_type !== "customer") return next()
    const locking = req.scope.resolve(Modules.LOCKING)
    const answered = () =>
      new Promise<void>((resolve) => {
        res.once("finish", () => resolve())
        res.once("close", () => resolve())
        next()
      })
    try {
      await locking.execute(`payment-account-holder:${customerId}`, answered, {
        timeout: WAIT_SECONDS,
        expire: HOLD_AT_MOST_SECONDS,
      })
    } catch (error) {
      if (res.headersSent) return
      next(
        MedusaError.isMedusaError(error) && error.type === MedusaError.Types.CONFLICT
          ? new MedusaError(MedusaError.Types.CONFLICT, M.paymentInProgress)
          : error
      )
    }
  }
}
