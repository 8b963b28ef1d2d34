import type { SiteSearchDocument } from "../indexes"

/** A product as query.graph answers it with PRODUCT_SEARCH_FIELDS. */
export type ProductSearchRow = {
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

/** The product fields productDocument reads. */
export const PRODUCT_SEARCH_FIELDS = [
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
export function productDocument(product: ProductSearchRow): SiteSearchDocument | null {
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
