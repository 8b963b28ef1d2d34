import { articlesForTags, productsForMemberTags, suggestionTagOrder } from "@health/core"
import { cms, commerce, healthArchive, optional } from "./backends"

/** How many of the member's tags are looked up in the CMS: the most personal ones. */
const TAGS_LOOKED_UP = 4

/**
 * 为您推荐: articles and products for the member's tags (flagged genes, constitution types,
 * tests bought, age group; see GET /store/health-archive/suggestions). Every part is
 * optional: without the CMS or the shop the report page still shows the report.
 */
export async function loadMemberSuggestions(token: string) {
  const tags = await optional(() => healthArchive.suggestionTags(token), [] as string[])
  if (!tags.length) return { tags, articles: [], products: [] }
  const lookedUp = suggestionTagOrder(tags).slice(0, TAGS_LOOKED_UP)
  const [products, articleLists] = await Promise.all([
    optional(async () => {
      const region = await commerce.getRegion()
      return (await commerce.listProducts({ regionId: region.id, limit: 50 })).products
    }, []),
    Promise.all(
      lookedUp.map((tag) =>
        optional(() => cms.listArticles({ tag, pageSize: 3 }).then((page) => page.data), [])
      )
    ),
  ])
  return {
    tags,
    articles: articlesForTags(
      Object.fromEntries(lookedUp.map((tag, i) => [tag, articleLists[i]])),
      lookedUp
    ),
    products: productsForMemberTags(products, tags),
  }
}
