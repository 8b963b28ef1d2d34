import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ON_SITE_COLLECTION_CODE } from "@health/contracts"
import { resolveTestMethods, type TestMethods } from "./line-test-method"

export { ON_SITE_COLLECTION_CODE }

export type LinesWithMethods = {
  items: ({
    id: string
    title?: string | null
    product_title?: string | null
    quantity: number | string
    product_id?: string | null
    metadata?: Record<string, unknown> | null
  } | null)[]
  shipping_option_ids: string[]
  metadata?: Record<string, unknown> | null
}

/**
 * The test method of each gene-test line of a cart or an order (see resolveTestMethods),
 * reading which products are gene tests and whether the shipping option is on-site.
 */
export async function testMethodsOf(
  container: MedusaContainer,
  input: LinesWithMethods
): Promise<TestMethods & { on_site_shipping?: boolean }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const items = input.items.filter((item) => !!item) as NonNullable<
    LinesWithMethods["items"][number]
  >[]
  const productIds = [...new Set(items.map((item) => item.product_id).filter(Boolean))]
  const { data: products } = productIds.length
    ? await query.graph({
        entity: "product",
        fields: ["id", "metadata"],
        filters: { id: productIds as string[] },
      })
    : { data: [] }
  const geneTests = new Set(
    products
      .filter((p) => (p.metadata as Record<string, unknown> | null)?.kind === "gene_test")
      .map((p) => p.id)
  )
  const { data: options } = input.shipping_option_ids.length
    ? await query.graph({
        entity: "shipping_option",
        fields: ["id", "type.code"],
        filters: { id: input.shipping_option_ids },
      })
    : { data: [] }
  const onSite = options.some((option) => option.type?.code === ON_SITE_COLLECTION_CODE)
  const methods = resolveTestMethods(
    items
      .filter((item) => item.product_id && geneTests.has(item.product_id))
      .map((item) => ({
        id: item.id,
        title: item.product_title ?? item.title ?? "基因检测",
        quantity: Number(item.quantity),
        metadata: item.metadata,
      }))
  )
  return { ...methods, on_site_shipping: onSite }
}
