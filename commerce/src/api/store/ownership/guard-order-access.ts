import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { holdsOrderToken, isOrderOwner } from "./order-access"
import { OWNERSHIP_MESSAGES } from "./ownership-messages"

const notFound = () =>
  new MedusaError(MedusaError.Types.NOT_FOUND, OWNERSHIP_MESSAGES.orderNotFound)

/** Reading the order itself (not an action under it): the only thing a token opens. */
const readsTheOrder = (req: MedusaRequest) =>
  (req.method === "GET" || req.method === "HEAD") && (req.path === "/" || req.path === "")

/**
 * Every `/store/orders/:id…` route, Medusa's and ours: only the member who placed the
 * order, or, to read it, whoever holds the token its buyer got at checkout (guests).
 * Anything else is "not found", so order ids are neither readable nor confirmed.
 */
export function guardOrderAccess(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const orderId = req.params.id
  const withToken = readsTheOrder(req) && holdsOrderToken(req, orderId)
  // The token is ours, not a query field of Medusa's route (whose validator refuses strangers).
  delete (req.query as Record<string, unknown>).token
  if (withToken) return next()
  isOrderOwner(req, orderId).then(
    (owner) => (owner ? next() : next(notFound())),
    (error) => next(error)
  )
}
