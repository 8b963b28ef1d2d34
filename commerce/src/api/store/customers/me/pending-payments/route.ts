import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  openWechatCheckouts,
  type CartWithSessions,
} from "../../../../../lib/payments/open-wechat-checkouts"

/** Enough for anyone: a member rarely leaves more than one WeChat payment open. */
const RECENT_CARTS = 20

/**
 * `{ pending_payments: [{ cart_id, amount, titles, time_expire }] }`: the member's checkouts
 * whose WeChat payment is open and not expired, so 我的订单 can offer 继续支付 on any device
 * (the order only exists once WeChat confirms the money).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "completed_at",
      "items.title",
      "items.product_title",
      "payment_collection.payment_sessions.provider_id",
      "payment_collection.payment_sessions.status",
      "payment_collection.payment_sessions.amount",
      "payment_collection.payment_sessions.data",
    ],
    filters: { customer_id: req.auth_context.actor_id, completed_at: null },
    pagination: { take: RECENT_CARTS, order: { updated_at: "DESC" } },
  })
  res.json({ pending_payments: openWechatCheckouts(data as unknown as CartWithSessions[]) })
}
