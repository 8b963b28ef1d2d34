import type { SearchTypes } from "@medusajs/framework/types"

import type { SearchType } from "@health/contracts"

// What a shopper can search for is shared with the storefronts' result tabs.
export { SEARCH_TYPES, type SearchType } from "@health/contracts"

/** One searchable document, the same on every provider. */
export type SiteSearchDocument = {
  id: string
  type: SearchType
  title: string
  subtitle?: string | null
  /** Storefront path: /products/<handle>, /articles/<slug>, /sites/<documentId>. */
  url: string
  thumbnail?: string | null
  /** Body text: description, summary, address ... */
  content?: string | null
  category?: string | null
  city?: string | null
  tags?: string[]
  /** Articles: the editor published it to the 微官网, so the mini-program finds it. */
  microsite?: boolean
}

const fields: Record<string, SearchTypes.SearchFieldDefinition> = {
  id: { type: "keyword", filterable: true, retrievable: true },
  type: { type: "keyword", filterable: true, facetable: true, retrievable: true },
  title: { type: "text", searchable: { weight: 3 }, retrievable: true },
  subtitle: { type: "text", searchable: { weight: 2 }, retrievable: true },
  tags: { type: "keyword", array: true, searchable: { weight: 2 }, filterable: true },
  category: { type: "keyword", searchable: { weight: 1 }, filterable: true, facetable: true },
  city: { type: "keyword", searchable: { weight: 2 }, filterable: true, facetable: true },
  content: { type: "text", searchable: { weight: 1 }, retrievable: true },
  url: { type: "keyword", retrievable: true },
  thumbnail: { type: "keyword", retrievable: true },
  microsite: { type: "boolean", filterable: true },
}

const definition = (
  name: SearchType,
  entity: string
): SearchTypes.ResolvedSearchIndexDefinition => ({
  name,
  entity,
  primary_key: "id",
  provider: "",
  fields,
  settings: { typo_tolerance: { enabled: true } },
  definition_hash: `site-search-${name}-v1`,
  physical_name: `${process.env.SEARCH_INDEX_PREFIX ?? ""}site_${name}`,
  // Seeding is the reindex command's job, which reads products and the CMS itself.
  seed: async function* () {},
})

/** The three indexes, in the provider contract's shape. */
export const searchIndexes = (): Record<SearchType, SearchTypes.ResolvedSearchIndexDefinition> => ({
  product: definition("product", "product"),
  article: definition("article", "article"),
  site: definition("site", "collection_site"),
})

/** The searchable fields of a definition, highest weight first. */
export const searchableFields = (index: SearchTypes.ResolvedSearchIndexDefinition) =>
  Object.entries(index.fields)
    .filter(([, f]) => !!f.searchable)
    .map(([name, f]) => ({
      name,
      weight: typeof f.searchable === "object" ? (f.searchable.weight ?? 1) : 1,
    }))
    .sort((a, b) => b.weight - a.weight)
