import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { categoryFacets } from "../../seed/catalog"

/**
 * The category tree the storefront's filters are built on (系列 / 用途 / 人群): the
 * shop's navigation, needed before any product is added, so reference data.
 */
export async function ensureCategories(
  container: MedusaContainer
): Promise<Record<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const ids: Record<string, string> = {}
  for (const [rank, facet] of categoryFacets.entries()) {
    let [parent] = await productModule.listProductCategories({ handle: facet.handle })
    if (!parent) {
      const { result } = await createProductCategoriesWorkflow(container).run({
        input: {
          product_categories: [
            {
              name: facet.name,
              handle: facet.handle,
              description: facet.description,
              is_active: true,
              rank,
            },
          ],
        },
      })
      parent = result[0]
    }
    ids[facet.handle] = parent.id
    for (const [childRank, child] of facet.children.entries()) {
      let [existing] = await productModule.listProductCategories({ handle: child.handle })
      if (!existing) {
        const { result } = await createProductCategoriesWorkflow(container).run({
          input: {
            product_categories: [
              {
                name: child.name,
                handle: child.handle,
                parent_category_id: parent.id,
                is_active: true,
                rank: childRank,
              },
            ],
          },
        })
        existing = result[0]
      }
      ids[child.handle] = existing.id
    }
  }
  return ids
}
