import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  ESCORT_PRODUCT_TYPE,
  escortServiceMetadata,
  type EscortServiceMetadata,
} from "../../modules/escort/catalogue"

/** One bookable escort service: its product, its variant and what the price rule needs. */
export type EscortService = {
  id: string
  variant_id: string
  title: string
  description: string
  price_fen: number
  specialties: string[]
} & EscortServiceMetadata

type ProductRow = {
  id: string
  title: string
  description?: string | null
  status?: string
  metadata?: Record<string, unknown> | null
  tags?: ({ value: string } | null)[] | null
  variants?: ({
    id: string
    prices?: ({ amount: unknown; currency_code: string } | null)[] | null
  } | null)[]
}

// Medusa keeps CNY in yuan; two decimals at most, so rounding the product is exact.
const toFen = (amount: unknown) => Math.round(Number(amount) * 100)

/** The published 陪诊服务 products, each with its first variant's CNY price, cheapest first. */
export async function listEscortServices(container: MedusaContainer): Promise<EscortService[]> {
  const [type] = await container
    .resolve(Modules.PRODUCT)
    .listProductTypes({ value: ESCORT_PRODUCT_TYPE }, { take: 1 })
  if (!type) return []
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "description",
      "status",
      "metadata",
      "tags.value",
      "variants.id",
      "variants.prices.amount",
      "variants.prices.currency_code",
    ],
    filters: { type_id: type.id, status: "published" },
  })
  const services: EscortService[] = []
  for (const product of data as ProductRow[]) {
    const escort = escortServiceMetadata(product.metadata)
    const variant = product.variants?.find(Boolean)
    const price = variant?.prices?.find((p) => p?.currency_code === "cny")
    if (!escort || !variant || !price) continue
    services.push({
      id: product.id,
      variant_id: variant.id,
      title: product.title,
      description: product.description ?? "",
      price_fen: toFen(price.amount),
      specialties: (product.tags ?? []).filter(Boolean).map((t) => t!.value),
      ...escort,
    })
  }
  return services.sort((a, b) => a.price_fen - b.price_fen || a.id.localeCompare(b.id))
}

/** The service a booking names by its variant, or 400 in Chinese when it is not one. */
export async function escortServiceOfVariant(
  container: MedusaContainer,
  variantId: string
): Promise<EscortService> {
  const service = (await listEscortServices(container)).find((s) => s.variant_id === variantId)
  if (!service) throw new MedusaError(MedusaError.Types.INVALID_DATA, "请选择有效的陪诊服务")
  return service
}
