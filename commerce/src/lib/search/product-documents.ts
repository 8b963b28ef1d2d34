import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { SiteSearchDocument } from "../../modules/site-search/indexes"

type ProductRow = {
  id: string
  title: string
  subtitle?: string | null
  description?: string | null
  handle: string
  status: string
  thumbnail?: string | null
  deleted_at?: string | Date | null
  categories?: { name: string }[] | null
  tags?: { value: string }[] | null
  collection?: { title: string } | null
}

const FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "status",
  "thumbnail",
  "categories.name",
  "tags.value",
  "collection.title",
]

/** A published product as a search document; null for drafts, which shoppers cannot see. */
export function productDocument(product: ProductRow): SiteSearchDocument | null {
  if (product.status !== "published" || product.deleted_at) return null
  const categories = (product.categories ?? []).map((c) => c.name)
  return {
    id: product.id,
    type: "product",
    title: product.title,
    subtitle: product.subtitle || categories[0] || product.collection?.title || null,
    url: `/products/${product.handle}`,
    thumbnail: product.thumbnail ?? null,
    content: product.description ?? null,
    category: categories[0] ?? null,
    tags: [...categories, ...(product.tags ?? []).map((t) => t.value)],
  }
}

/**
 * The given products (all products without ids), split into documents to write and ids
 * to remove (drafts and products that no longer exist).
 */
export async function loadProductDocuments(container: MedusaContainer, ids?: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const documents: SiteSearchDocument[] = []
  const seen = new Set<string>()
  const take = 200
  for (let skip = 0; ; skip += take) {
    const { data } = await query.graph({
      entity: "product",
      fields: FIELDS,
      filters: ids ? { id: ids } : {},
      pagination: { skip, take, order: { id: "ASC" } },
    })
    for (const product of data as ProductRow[]) {
      seen.add(product.id)
      const document = productDocument(product)
      if (document) documents.push(document)
    }
    if (data.length < take) break
  }
  const published = new Set(documents.map((d) => d.id))
  const removed = (ids ?? [...seen]).filter((id) => !published.has(id))
  return { documents, removed }
}
