import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type CheckoutSession = {
  id: string
  provider_id: string
  status: string
  amount: unknown
  created_at?: string | Date
  data?: Record<string, unknown> | null
}

export type CartCheckoutState = {
  id: string
  completed_at: string | Date | null
  total: unknown
  metadata: Record<string, unknown> | null
  collection: { id: string; amount: unknown; status?: string } | null
  sessions: CheckoutSession[]
  order: { id: string; display_id: number } | null
}

/** What became of a cart's checkout: its sessions, and its order once there is one. */
export async function cartCheckoutState(
  container: MedusaContainer,
  cartId: string
): Promise<CartCheckoutState | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "completed_at",
      "total",
      "metadata",
      "payment_collection.id",
      "payment_collection.amount",
      "payment_collection.status",
      "payment_collection.payment_sessions.id",
      "payment_collection.payment_sessions.provider_id",
      "payment_collection.payment_sessions.status",
      "payment_collection.payment_sessions.amount",
      "payment_collection.payment_sessions.created_at",
      "payment_collection.payment_sessions.data",
    ],
    filters: { id: cartId },
  })
  const cart = data[0] as
    | (Omit<CartCheckoutState, "collection" | "sessions" | "order"> & {
        payment_collection?:
          | (CartCheckoutState["collection"] & { payment_sessions?: (CheckoutSession | null)[] })
          | null
      })
    | undefined
  if (!cart) return null
  const { data: links } = await query.graph({
    entity: "order_cart",
    fields: ["order_id", "order.display_id"],
    filters: { cart_id: cartId },
  })
  const link = links[0] as unknown as
    | { order_id: string; order?: { display_id?: number | string } }
    | undefined
  const { payment_collection: collection, ...rest } = cart
  return {
    ...rest,
    metadata: (cart.metadata as Record<string, unknown> | null) ?? null,
    collection: collection
      ? { id: collection.id, amount: collection.amount, status: collection.status }
      : null,
    sessions: (collection?.payment_sessions ?? []).filter(Boolean) as CheckoutSession[],
    order: link ? { id: link.order_id, display_id: Number(link.order?.display_id) } : null,
  }
}
