import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { consultationOfOrder } from "../consultation/consultation-of-order"

/** The consultation a payment paid for (through its order), or null for other payments. */
export async function consultationOfPayment(
  container: MedusaContainer,
  paymentId: string
): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["payment_collection_id"],
    filters: { id: paymentId },
  })
  const collectionId = payments[0]?.payment_collection_id as string | undefined
  if (!collectionId) return null
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionId },
  })
  const orderId = links[0]?.order_id as string | undefined
  return orderId ? consultationOfOrder(container, orderId) : null
}
