import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { cartHolder, mayUseCart, paymentCollectionHolder, type CartHolder } from "./cart-access"
import { OWNERSHIP_MESSAGES } from "./ownership-messages"
import { callerCustomerId } from "./store-caller"

/** Passes the request on when `allowed`, else answers 404 whether or not the cart exists. */
function guardBy(allowed: (req: MedusaRequest) => Promise<boolean>) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    allowed(req).then(
      (yes) =>
        yes
          ? next()
          : next(new MedusaError(MedusaError.Types.NOT_FOUND, OWNERSHIP_MESSAGES.cartNotFound)),
      (error) => next(error)
    )
  }
}

const callerMayUse = (req: MedusaRequest, holder: CartHolder | null) =>
  !!holder && mayUseCart(holder, callerCustomerId(req))

/**
 * Every `/store/carts/:id…` route, Medusa's and plugins' alike, every method: a member's
 * cart answers only to that member (see mayUseCart). Registered without methods, so
 * Express mounts it in front of all of them, matching paths the way the routes do.
 */
export const guardCartAccess = guardBy(async (req) =>
  callerMayUse(req, await cartHolder(req.scope, req.params.id))
)

/** `/store/payment-collections/:id…`: the collection pays for a cart, and is as private. */
export const guardPaymentCollectionAccess = guardBy(async (req) =>
  callerMayUse(req, await paymentCollectionHolder(req.scope, req.params.id))
)

function cartIdIn(source: unknown): string | undefined {
  if (!source || typeof source !== "object") return undefined
  const value = (source as Record<string, unknown>).cart_id
  return typeof value === "string" && value ? value : undefined
}

/**
 * Routes that name a cart in the body or the query (`cart_id`): opening a payment
 * collection, listing or pricing shipping options. Someone else's cart is not found.
 */
export const guardCartIdInRequest = guardBy(async (req) => {
  const ids = new Set([cartIdIn(req.body), cartIdIn(req.query)])
  ids.delete(undefined)
  for (const id of ids) {
    if (!callerMayUse(req, await cartHolder(req.scope, id as string))) return false
  }
  return true
})
