import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TestMethod } from "../../../modules/appointment/rules/line-test-method"
import { testMethodsOf } from "../../../modules/appointment/rules/test-methods-of"
import type { NewKitLine } from "../../../modules/health-archive/types"

export { ON_SITE_COLLECTION_CODE } from "../../../modules/appointment/rules/test-methods-of"

/** A gene-test line's kits, with the test method chosen for that line at checkout. */
export type OrderKitLine = NewKitLine & { collection_method: TestMethod }

export type OrderKits = {
  customer_id: string
  order_id: string
  order_display_id: number | null
  lines: OrderKitLine[]
} | null

/**
 * Which kits an order holds: one per unit of each gene-test line, times the persons a
 * family pack covers, each with its line's test method (寄送采样盒 or 采集点现场采集).
 * Guest orders have no archive to put kits in.
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
        "metadata",
        "items.id",
        "items.title",
        "items.quantity",
        // An order line's quantity is read through its detail.
        "items.detail.quantity",
        "items.metadata",
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
      title: string | null
      quantity: number
      metadata: Record<string, unknown> | null
      product_id: string | null
      variant_id: string | null
      product_title: string | null
      variant_title: string | null
    }[]
    const methods = await testMethodsOf(container, {
      items,
      shipping_option_ids: (order.shipping_methods ?? [])
        .map((method: { shipping_option_id?: string | null } | null) => method?.shipping_option_id)
        .filter(Boolean) as string[],
      metadata: order.metadata as Record<string, unknown> | null,
    })
    // Completion refused unreadable choices; an order edited since falls back to mail-in.
    const methodOf = new Map(
      ("lines" in methods ? methods.lines : []).map((line) => [line.line_item_id, line.method])
    )
    const productIds = [...new Set(items.map((item) => item.product_id).filter(Boolean))]
    const { data: products } = productIds.length
      ? await query.graph({
          entity: "product",
          fields: ["id", "metadata", "variants.id", "variants.metadata"],
          filters: { id: productIds as string[] },
        })
      : { data: [] }

    const lines: OrderKitLine[] = []
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
        collection_method: methodOf.get(item.id) ?? "mail_in",
      })
    }
    return new StepResponse<OrderKits>({
      customer_id: order.customer_id,
      order_id: order.id,
      order_display_id: order.display_id == null ? null : Number(order.display_id),
      lines,
    })
  }
)
