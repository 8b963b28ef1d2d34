import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { clientAddress } from "../../../../../lib/http/client-address"
import { payEscortBooking } from "../../../../../workflows/escort/pay-escort-booking"
import type { PayEscortBookingBody } from "../../../../escort-validators"

type Body = z.infer<typeof PayEscortBookingBody>

/**
 * POST /store/escort-bookings/:id/pay `{ payment_method: { provider_id, channel, openid? },
 * store_credit_fen? }` → `{ action, cart_id, amount_fen }`: the kit checkout's payment action
 * for the booking's cart; poll `GET /store/carts/:cart_id/payment-status` after paying.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const body = req.validatedBody
  const address = clientAddress(req as never).replace(/^::ffff:/, "")
  const answer = await payEscortBooking(req.scope, {
    booking_id: req.params.id,
    customer_id: req.auth_context.actor_id,
    payment_method: body.payment_method,
    store_credit_fen: body.store_credit_fen,
    client_ip: address === "unknown" ? "127.0.0.1" : address,
  })
  res.json(answer)
}
