import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listOrdersByBusinessState } from "../../../../lib/orders/order-business-query"
import type { AdminBusinessOrdersQueryType } from "../../../store/orders/validators"

/**
 * Orders by business state (待付款, 已付款, 已完成, 未完成, 已取消), 已使用/未使用 and payment
 * state, filtered and paged in SQL: the list staff process orders from.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const filters = req.validatedQuery as AdminBusinessOrdersQueryType
  const { orders, count } = await listOrdersByBusinessState(req.scope, filters)
  res.json({ orders, count, limit: filters.limit, offset: filters.offset })
}
