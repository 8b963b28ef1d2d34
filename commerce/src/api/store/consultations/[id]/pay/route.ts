import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { clientAddress } from "../../../../../lib/http/client-address"
import { payConsultation } from "../../../../../workflows/consultation/pay-consultation"
import type { PayConsultationBody } from "../../../../consultation-validators"

type Body = z.infer<typeof PayConsultationBody>

/**
 * POST /store/consultations/:id/pay `{ payment_method, store_credit_fen? }` →
 * `{ action, cart_id, amount_fen }`, exactly as an escort booking pays.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const body = req.validatedBody
  const address = clientAddress(req as never).replace(/^::ffff:/, "")
  res.json(
    await payConsultation(req.scope, {
      consultation_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      payment_method: body.payment_method,
      store_credit_fen: body.store_credit_fen,
      client_ip: address === "unknown" ? "127.0.0.1" : address,
    })
  )
}
