import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CONSULTATION_LINE_KEY } from "./consultation-lock"

/** The consultation an order pays for, from its line item metadata; null for other orders. */
export async function consultationOfOrder(
  container: MedusaContainer,
  orderId: string
): Promise<string | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "items.metadata"],
    filters: { id: orderId },
  })
  const items = (data[0]?.items ?? []) as ({ metadata?: Record<string, unknown> | null } | null)[]
  const id = items.map((item) => item?.metadata?.[CONSULTATION_LINE_KEY]).find(Boolean)
  return typeof id === "string" ? id : null
}
