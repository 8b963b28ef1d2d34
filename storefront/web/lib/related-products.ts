import { productsForTags, type Tag } from "@health/core"
import { commerce, optional } from "./backends"

/**
 * 相关检测产品 for a set of CMS tags (see core's productsForTags). Optional like every CMS
 * block: with the shop unreachable, or tags that relate to no product, there are none and
 * the page hides the block.
 */
export async function loadRelatedProducts(tags: Pick<Tag, "slug" | "kind">[] | undefined) {
  if (!tags?.some((tag) => tag.kind !== "topic")) return []
  return optional(async () => {
    const region = await commerce.getRegion()
    const { products } = await commerce.listProducts({ regionId: region.id, limit: 50 })
    return productsForTags(products, tags)
  }, [])
}
