import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderAccessSecret, verifyOrderAccessToken } from "../../../lib/orders/order-access-token"
import { callerCustomerId } from "./store-caller"

/** Where a guest's order access token may come: the `x-order-token` header or `?token=`. */
export function orderTokenOf(req: MedusaRequest): unknown {
  return req.headers["x-order-token"] ?? (req.query as Record<string, unknown> | undefined)?.token
}

export function orderSecret(req: MedusaRequest) {
  return orderAccessSecret(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE))
}

/** The order's customer, or undefined when there is no such (placed) order. */
export async function orderCustomerId(
  req: MedusaRequest,
  orderId: string
): Promise<string | null | undefined> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id"],
    filters: { id: orderId, is_draft_order: false },
  })
  const order = data[0] as { customer_id?: string | null } | undefined
  return order ? (order.customer_id ?? null) : undefined
}

/** The signed-in member who placed the order. */
export async function isOrderOwner(req: MedusaRequest, orderId: string): Promise<boolean> {
  const caller = callerCustomerId(req)
  if (!caller) return false
  return (await orderCustomerId(req, orderId)) === caller
}

/** The buyer's signed token for this order (a guest's only way in). */
export function holdsOrderToken(req: MedusaRequest, orderId: string): boolean {
  return verifyOrderAccessToken(orderSecret(req), orderId, orderTokenOf(req))
}
