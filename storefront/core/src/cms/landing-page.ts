import type { CommerceClient } from "../commerce/client"
import type { Product } from "../commerce/types"
import type { CmsClient } from "./client"
import type {
  LandingArticleListSection,
  LandingPage,
  LandingProductListSection,
  LandingSection,
  ResolvedLandingPage,
  ResolvedLandingSection,
} from "./landing-page-types"
import type { Article } from "./types"

/** The sections the storefronts draw; a kind added in the CMS later is skipped until they do. */
export const LANDING_SECTION_KINDS = [
  "landing.hero",
  "landing.product-list",
  "landing.article-list",
  "landing.rich-text",
  "landing.image",
  "landing.call-to-action",
] as const

/** What Strapi accepts in a uid field; anything else cannot be a 专题页 and is not asked for. */
export const LANDING_SLUG = /^[A-Za-z0-9_.~-]{1,80}$/

/**
 * The cache tags of one 专题页. Commerce's /hooks/cms expires `cms:landing-page` and
 * `cms:landing-page:<slug>` when the CMS publishes, unpublishes, edits or deletes it
 * (commerce/src/lib/cms/cms-hook-jobs.ts revalidationTags), like `article:<slug>` for articles.
 */
export const landingPageCacheTags = (slug: string) => [
  "landing-pages",
  "cms:landing-page",
  `cms:landing-page:${slug}`,
]

export function isLandingSection(value: unknown): value is LandingSection {
  const kind = (value as { __component?: unknown } | null)?.__component
  return (LANDING_SECTION_KINDS as readonly unknown[]).includes(kind)
}

/** A list section's size: the editor's limit within 1–12, else 4. */
export function landingListLimit(limit: number | null | undefined): number {
  if (typeof limit !== "number" || !Number.isFinite(limit)) return 4
  return Math.min(12, Math.max(1, Math.floor(limit)))
}

/** The handles an editor typed, one a line or separated by commas (also 、 and ，), each once. */
export function productHandles(text: string | null | undefined): string[] {
  const handles = (text ?? "")
    .split(/[\s,，、;；]+/)
    .map((handle) => handle.trim())
    .filter((handle) => /^[\w-]{1,120}$/.test(handle))
  return [...new Set(handles)]
}

export type LandingSources = {
  cms: Pick<CmsClient, "listArticles">
  commerce: Pick<CommerceClient, "getRegion" | "listProducts" | "productTagIds">
}

/**
 * The page with its product and article lists looked up, each list on its own: a list whose
 * back end cannot be reached is empty (and not drawn), the rest of the page still shows.
 */
export async function resolveLandingPage(
  page: LandingPage,
  sources: LandingSources
): Promise<ResolvedLandingPage> {
  let region: Promise<{ id: string }> | undefined
  const regionId = async () => (await (region ??= sources.commerce.getRegion())).id
  const sections = await Promise.all(
    page.sections.filter(isLandingSection).map(async (section): Promise<ResolvedLandingSection> => {
      if (section.__component === "landing.product-list") {
        return { ...section, products: await listed(() => sectionProducts(section)) }
      }
      if (section.__component === "landing.article-list") {
        return { ...section, articles: await listed(() => sectionArticles(section)) }
      }
      return section
    })
  )
  return { ...page, sections }

  async function sectionProducts(section: LandingProductListSection): Promise<Product[]> {
    const limit = landingListLimit(section.limit)
    const handles = productHandles(section.handles).slice(0, limit)
    if (handles.length) {
      const { products } = await sources.commerce.listProducts({
        regionId: await regionId(),
        handles,
        limit: handles.length,
      })
      // In the editor's order; a handle the shop does not sell (any more) is left out.
      return handles.flatMap((handle) => products.filter((product) => product.handle === handle))
    }
    const tag = section.product_tag?.trim()
    if (!tag) return []
    const tagIds = await sources.commerce.productTagIds([tag])
    if (!tagIds.length) return []
    const { products } = await sources.commerce.listProducts({
      regionId: await regionId(),
      tagIds,
      limit,
    })
    return products.slice(0, limit)
  }

  async function sectionArticles(section: LandingArticleListSection): Promise<Article[]> {
    const { data } = await sources.cms.listArticles({
      tag: section.tag?.slug,
      category: section.category?.slug,
      pageSize: landingListLimit(section.limit),
    })
    return data
  }
}

async function listed<T>(load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load()
  } catch {
    return []
  }
}
