import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listOrdersByBusinessState } from "../../../../../lib/orders/order-business-query"
import type { MemberOrdersQueryType } from "../../../orders/validators"

/**
 * 我的订单 with the state a member reads (待付款, 已付款, 已完成, 已取消) and 已使用/未使用,
 * filtered and paged in SQL. Only the signed-in member's own orders, whatever is asked.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const filters = req.validatedQuery as MemberOrdersQueryType
  const { orders, count } = await listOrdersByBusinessState(req.scope, {
    ...filters,
    customer_id: req.auth_context.actor_id,
  })
  res.json({ orders, count, limit: filters.limit, offset: filters.offset })
}
