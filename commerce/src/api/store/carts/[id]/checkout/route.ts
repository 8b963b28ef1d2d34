import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runCheckout } from "../../../../../workflows/checkout/run-checkout"
import { signOrderAccessToken } from "../../../../../lib/orders/order-access-token"
import { orderSecret } from "../../../ownership/order-access"
import { callerCustomerId } from "../../../ownership/store-caller"
import { clientAddress } from "../../../../../lib/http/client-address"
import type { CheckoutBodyType } from "./validators"

/**
 * The whole checkout of a cart in one request (issue #19): answers the payment action for
 * the chosen method, or 400 with what to fix (`problems`, each on its field). An order placed
 * here (balance paid all, or offline) comes with `order_access_token`, which lets a guest
 * read it. The cart guards (store/ownership) decide who may call this.
 */
/** WeChat H5 checks the payer's address: never the one a client claims (see clientAddress). */
function shopperIp(req: MedusaRequest): string {
  const address = clientAddress(req as never).replace(/^::ffff:/, "")
  return address === "unknown" ? "127.0.0.1" : address
}

export async function POST(req: MedusaRequest<CheckoutBodyType>, res: MedusaResponse) {
  const body = req.validatedBody
  const outcome = await runCheckout(req.scope, {
    ...body,
    payment: { ...body.payment, openid: body.payment.openid || undefined },
    cart_id: req.params.id,
    customer_id: callerCustomerId(req),
    client_ip: shopperIp(req),
  })
  if ("refused" in outcome) {
    res.status(400).json({ type: "invalid_data", ...outcome.refused })
    return
  }
  const { order } = outcome.answer
  res.json({
    ...outcome.answer,
    ...(order && { order_access_token: signOrderAccessToken(orderSecret(req), order.id) }),
  })
}
