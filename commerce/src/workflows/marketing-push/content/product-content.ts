import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { escortServiceMetadata } from "../../../modules/escort/catalogue"
import { shortSummary, type PushContent, type PushContentSource } from "./push-content-types"

type ProductRow = {
  id: string
  title: string
  subtitle?: string | null
  description?: string | null
  handle: string
  thumbnail?: string | null
  status?: string
  metadata?: Record<string, unknown> | null
}

const FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "thumbnail",
  "status",
  "metadata",
]

// 陪诊服务 are products too, but are pushed as escort offers (escort-service-content.ts).
const isShopProduct = (row: ProductRow) =>
  row.status === ProductStatus.PUBLISHED && !escortServiceMetadata(row.metadata)

const asContent = (row: ProductRow): PushContent => ({
  ref: row.id,
  title: row.title,
  summary: shortSummary(row.subtitle || row.description),
  link: `/products/${encodeURIComponent(row.handle)}`,
  image: row.thumbnail ?? null,
})

/** Published products of the shop (escort services left out), newest first. */
export const productContent: PushContentSource = {
  async search(container, q, limit) {
    const rows = (await container
      .resolve(Modules.PRODUCT)
      .listProducts(
        { status: ProductStatus.PUBLISHED, ...(q ? { q } : {}) },
        { select: FIELDS, take: limit + 10, order: { created_at: "DESC" } }
      )) as ProductRow[]
    return rows.filter(isShopProduct).slice(0, limit).map(asContent)
  },

  async find(container, ref) {
    const [row] = (await container
      .resolve(Modules.PRODUCT)
      .listProducts({ id: ref }, { select: FIELDS, take: 1 })) as ProductRow[]
    return row && isShopProduct(row) ? asContent(row) : null
  },
}
