import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signOrderAccessToken } from "../../../lib/orders/order-access-token"
import { orderSecret } from "./order-access"

type Completion = { type?: string; order?: { id?: string } }

/**
 * `POST /store/carts/:id/complete` answers `{ type: "order", order }` to whoever may use
 * the cart (see guardCartAccess): they are the buyer, so the answer also carries
 * `order_access_token`, with which a guest reads the order afterwards (`x-order-token`).
 * Medusa's handler stays as it is; only its JSON answer is added to.
 */
export function attachOrderAccessToken(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const json = res.json.bind(res)
  res.json = (body: Completion) => {
    if (body?.type === "order" && typeof body.order?.id === "string") {
      return json({
        ...body,
        order_access_token: signOrderAccessToken(orderSecret(req), body.order.id),
      })
    }
    return json(body)
  }
  next()
}
