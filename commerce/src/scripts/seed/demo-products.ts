import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, createProductTagsWorkflow } from "@medusajs/medusa/core-flows"
import {
  FAMILY_PACK_FACTOR_PERCENT,
  PACK_OPTION,
  PACKS,
  products,
  VERSION_OPTION,
  VERSIONS,
} from "../../seed/catalog"
import { productImageSvg } from "../../seed/product-image"

/** The demo catalogue's tags. */
export async function ensureTags(container: MedusaContainer): Promise<Record<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const wanted = [...new Set(products.flatMap((product) => product.tags))]
  const existing = await productModule.listProductTags({ value: wanted })
  const missing = wanted.filter((value) => !existing.some((tag) => tag.value === value))
  if (missing.length) {
    await createProductTagsWorkflow(container).run({
      input: { product_tags: missing.map((value) => ({ value })) },
    })
  }
  const all = await productModule.listProductTags({ value: wanted })
  return Object.fromEntries(all.map((tag) => [tag.value, tag.id]))
}

/** The demo gene-test catalogue with generated product images; returns how many were new. */
export async function ensureProducts(
  container: MedusaContainer,
  refs: {
    salesChannelId: string
    shippingProfileId: string
    categoryIds: Record<string, string>
    tagIds: Record<string, string>
  }
): Promise<number> {
  const productModule = container.resolve(Modules.PRODUCT)
  const files = container.resolve(Modules.FILE)
  const existing = await productModule.listProducts(
    { handle: products.map((p) => p.handle) },
    { select: ["handle"] }
  )
  const missing = products.filter((product) => !existing.some((e) => e.handle === product.handle))

  for (const product of missing) {
    const [image] = await files.createFiles([
      {
        filename: `${product.handle}.svg`,
        mimeType: "image/svg+xml",
        content: Buffer.from(
          productImageSvg(product.title, product.subtitle, product.palette)
        ).toString("base64"),
        access: "public",
      },
    ])
    const variants = VERSIONS.flatMap((version, versionIndex) =>
      PACKS.map((pack, packIndex) => {
        const single = versionIndex === 0 ? product.basePrice : product.premiumPrice
        // Family packs are priced in whole yuan: integer arithmetic, never floats.
        const amount =
          packIndex === 0 ? single : Math.round((single * FAMILY_PACK_FACTOR_PERCENT) / 100)
        return {
          title: `${version} / ${pack}`,
          sku: `${product.handle}-${versionIndex === 0 ? "std" : "pro"}-${packIndex === 0 ? "1" : "2"}`.toUpperCase(),
          options: { [VERSION_OPTION]: version, [PACK_OPTION]: pack },
          manage_inventory: true,
          prices: [{ currency_code: "cny", amount }],
          metadata: { persons: packIndex === 0 ? 1 : 2 },
        }
      })
    )
    await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title: product.title,
            subtitle: product.subtitle,
            handle: product.handle,
            description: product.description,
            status: ProductStatus.PUBLISHED,
            thumbnail: image.url,
            images: [{ url: image.url }],
            shipping_profile_id: refs.shippingProfileId,
            category_ids: product.categories.map((handle) => refs.categoryIds[handle]),
            tag_ids: product.tags.map((tag) => refs.tagIds[tag]),
            options: [
              { title: VERSION_OPTION, values: [...VERSIONS] },
              { title: PACK_OPTION, values: [...PACKS] },
            ],
            variants,
            sales_channels: [{ id: refs.salesChannelId }],
            metadata: {
              kind: "gene_test",
              sample_type: product.sampleType,
              turnaround_days: product.turnaroundDays,
              item_count: product.itemCount,
              // The affiliate plugin's per-product level-1 percent (overrides the programme's).
              ...(product.cashbackRatio !== undefined
                ? { affiliate_rates: String(Math.round(product.cashbackRatio * 10_000) / 100) }
                : {}),
            },
          },
        ],
      },
    })
  }
  return missing.length
}
