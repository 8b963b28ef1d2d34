import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { listOrdersByBusinessState } from "../../../../../lib/orders/order-business-query"
import { loadOrderCancellation } from "../../../../../workflows/orders/load-order-cancellation"

/**
 * The member's order as 我的订单 shows it: business and usage state, and whether they may
 * still change (修改) or cancel it, with the reason when not.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  const {
    orders: [order],
  } = await listOrdersByBusinessState(req.scope, {
    order_id: req.params.id,
    customer_id: customerId,
    limit: 1,
    offset: 0,
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, "订单不存在")
  const edit = await loadOrderCancellation(req.scope, order.id, customerId, "edit")
  const cancel = await loadOrderCancellation(req.scope, order.id, customerId, "cancel")
  res.json({
    order: {
      ...order,
      edit: { allowed: edit.refusal === null, reason: edit.refusal },
      cancellation: { allowed: cancel.refusal === null, reason: cancel.refusal },
    },
  })
}
