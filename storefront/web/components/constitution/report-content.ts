import type { Article, ConstitutionCode, ConstitutionType, Product } from "@health/core"

/** What a report shows beside the scores: CMS advice per type, and products and articles by tag. */
export type ReportContent = {
  types: ConstitutionType[]
  products: Product[]
  articles: Partial<Record<ConstitutionCode, Article[]>>
}
