import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readPaymentStatus } from "../../../../../workflows/checkout/read-payment-status"
import { signOrderAccessToken } from "../../../../../lib/orders/order-access-token"
import { orderSecret } from "../../../ownership/order-access"

/**
 * What became of the cart's payment (waiting, paid with its order, refunded, expired), read
 * without completing anything. A placed order comes with `order_access_token` for a guest;
 * the cart guards (store/ownership) decide who may ask.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const status = await readPaymentStatus(req.scope, req.params.id)
  res.json({
    ...status,
    ...(status.order && {
      order_access_token: signOrderAccessToken(orderSecret(req), status.order.id),
    }),
  })
}
