import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PRODUCT_SEARCH_FIELDS,
  productDocument,
  type ProductSearchRow,
} from "../../../modules/site-search/documents/product-document"
import type { SiteSearchDocument } from "../../../modules/site-search/indexes"

/**
 * The given products (all products without ids), split into documents to write and ids
 * to remove (drafts and products that no longer exist).
 */
export const readProductDocumentsStep = createStep(
  "read-product-search-documents",
  async ({ ids }: { ids?: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const documents: SiteSearchDocument[] = []
    const seen = new Set<string>()
    const take = 200
    for (let skip = 0; ; skip += take) {
      const { data } = await query.graph({
        entity: "product",
        fields: PRODUCT_SEARCH_FIELDS,
        filters: ids ? { id: ids } : {},
        pagination: { skip, take, order: { id: "ASC" } },
      })
      for (const product of data as ProductSearchRow[]) {
        seen.add(product.id)
        const document = productDocument(product)
        if (document) documents.push(document)
      }
      if (data.length < take) break
    }
    const published = new Set(documents.map((d) => d.id))
    const removed = (ids ?? [...seen]).filter((id) => !published.has(id))
    return new StepResponse({ documents, removed })
  }
)
