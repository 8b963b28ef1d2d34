import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewKitLine } from "../../../modules/health-archive/types"

export type OrderKits = {
  customer_id: string
  order_id: string
  order_display_id: number | null
  collection_method: "mail_in" | "on_site"
  lines: NewKitLine[]
} | null

/** The shipping option code checkout uses for a sample taken at a collection site. */
export const ON_SITE_COLLECTION_CODE = "on-site-collection"

/**
 * Which kits an order holds: one per unit of each gene-test line, times the persons a
 * family pack covers. Guest orders have no archive to put kits in.
 */
export const gatherOrderKitsStep = createStep(
  "gather-order-kits",
  async ({ order_id }: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "customer_id",
        "items.id",
        "items.quantity",
        "items.detail.quantity",
        "items.product_id",
        "items.variant_id",
        "items.product_title",
        "items.variant_title",
        "shipping_methods.shipping_option_id",
      ],
      filters: { id: order_id },
    })
    if (!order?.customer_id) return new StepResponse<OrderKits>(null)
    const items = (order.items ?? []).filter(Boolean) as {
      id: string
      quantity: number
      product_id: string | null
      variant_id: string | null
      product_title: string | null
      variant_title: string | null
    }[]
    const productIds = [...new Set(items.map((item) => item.product_id).filter(Boolean))]
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          fields: ["id", "metadata", "variants.id", "variants.metadata"],
          filters: { id: productIds as string[] },
        })
      : { data: [] }
    const optionIds = (order.shipping_methods ?? [])
      .map((method: { shipping_option_id?: string | null } | null) => method?.shipping_option_id)
      .filter(Boolean) as string[]
    const { data: options } = optionIds.length
      ? await query.graph({
          entity: "shipping_option",
          fields: ["id", "type.code"],
          filters: { id: optionIds },
        })
      : { data: [] }
    const onSite = options.some((option) => option.type?.code === ON_SITE_COLLECTION_CODE)

    const lines: NewKitLine[] = []
    for (const item of items) {
      const product = products.find((p) => p.id === item.product_id)
      if ((product?.metadata as Record<string, unknown> | null)?.kind !== "gene_test") continue
      const variant = product?.variants?.find(
        (v: { id: string } | null) => v?.id === item.variant_id
      )
      const persons = Number((variant?.metadata as Record<string, unknown> | null)?.persons ?? 1)
      lines.push({
        line_item_id: item.id,
        product_title: item.product_title ?? "基因检测",
        variant_title: item.variant_title,
        units: Number(item.quantity) * (Number.isInteger(persons) && persons > 0 ? persons : 1),
      })
    }
    return new StepResponse<OrderKits>({
      customer_id: order.customer_id,
      order_id: order.id,
      order_display_id: order.display_id == null ? null : Number(order.display_id),
      collection_method: onSite ? "on_site" : "mail_in",
      lines,
    })
  }
)
