import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { holdsOrderToken, isOrderOwner } from "./order-access"
import { OWNERSHIP_MESSAGES } from "./ownership-messages"

function orderIdInBody(req: MedusaRequest): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.order_id
  return typeof value === "string" && value.trim() ? value.trim() : undefined
}

/**
 * Routes that act for an order named in the body (`order_id`): booking an appointment for
 * it, Medusa's return request. It must be the caller's order (or, where guests may act, a
 * token for it): anyone else's id is "not found". Bodies without an order id pass on.
 */
export function requireOwnOrderId({ guestsWithToken }: { guestsWithToken: boolean }) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const orderId = orderIdInBody(req)
    if (!orderId) return next()
    if (guestsWithToken && holdsOrderToken(req, orderId)) return next()
    isOrderOwner(req, orderId).then(
      (owner) =>
        owner
          ? next()
          : next(new MedusaError(MedusaError.Types.NOT_FOUND, OWNERSHIP_MESSAGES.orderNotFound)),
      (error) => next(error)
    )
  }
}
