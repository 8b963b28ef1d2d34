import { CONSTITUTION_CODES, type ConstitutionCode } from "@health/contracts"
import { productsForTypes } from "../constitution/recommendations"
import type { Tag } from "./types"

type Related = {
  id: string
  categories?: { handle: string }[] | null
  tags?: { value: string }[] | null
}

/**
 * The shop's 按人群 categories for each CMS age-group tag (the groups commerce derives from a
 * member's birth date), so an article for children finds the children's tests.
 */
export const AGE_GROUP_CATEGORIES: Record<string, string[]> = {
  children: ["population-child"],
  "age-18-35": ["population-adult"],
  "age-36-55": ["population-adult"],
  seniors: ["population-senior"],
}

const isConstitutionCode = (slug: string): slug is ConstitutionCode =>
  (CONSTITUTION_CODES as readonly string[]).includes(slug)

/**
 * 相关检测产品 of an article or tag page, each once, in the order of the tags. A test-category
 * tag's slug is a product category handle; a constitution tag finds the products staff tagged
 * with the type, as the constitution report does; an age-group tag finds its 按人群 category.
 * Topic tags relate to no product.
 */
export function productsForTags<P extends Related>(
  products: P[],
  tags: Pick<Tag, "slug" | "kind">[],
  limit = 4
): P[] {
  const chosen = new Map<string, P>()
  const inCategories = (handles: string[]) =>
    products.filter((product) =>
      (product.categories ?? []).some((category) => handles.includes(category.handle))
    )
  for (const tag of tags) {
    const matches =
      tag.kind === "test_category"
        ? inCategories([tag.slug])
        : tag.kind === "age_group"
          ? inCategories(AGE_GROUP_CATEGORIES[tag.slug] ?? [])
          : tag.kind === "constitution" && isConstitutionCode(tag.slug)
            ? productsForTypes(products, [tag.slug], products.length)
            : []
    for (const product of matches) if (!chosen.has(product.id)) chosen.set(product.id, product)
  }
  return [...chosen.values()].slice(0, limit)
}
