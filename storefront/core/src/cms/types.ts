/** Strapi 5 REST shapes (flat entries) of the content types the storefronts read. */

export type Media = {
  url: string
  alternativeText?: string | null
  width?: number
  height?: number
}

export type ArticleCategory = { documentId: string; name: string; slug: string; sort?: number }
export type Tag = {
  documentId: string
  name: string
  slug: string
  kind: "topic" | "constitution" | "test_category" | "age_group"
}
export type Expert = {
  documentId: string
  name: string
  title?: string
  hospital?: string
  bio?: string
  avatar?: Media | null
}

export type Article = {
  documentId: string
  title: string
  slug: string
  summary?: string | null
  body?: string | null
  cover?: Media | null
  category?: ArticleCategory | null
  tags?: Tag[]
  expert?: Expert | null
  author_name?: string | null
  publishedAt: string
  publish_to_microsite?: boolean
}

export type Banner = {
  documentId: string
  title: string
  subtitle?: string | null
  image?: Media | null
  link?: string | null
  placement: "home_hero" | "home_secondary"
  sort?: number
  starts_at?: string | null
  ends_at?: string | null
}

export type Page = {
  documentId: string
  slug: string
  title: string
  body?: string | null
  version?: string | null
}

export type ConstitutionType = {
  documentId: string
  code: string
  name: string
  characteristics?: string
  susceptibility?: string
  regimen_diet?: string
  regimen_exercise?: string
  regimen_emotion?: string
  regimen_daily?: string
  sort?: number
}

export type QuestionnaireItem = {
  documentId: string
  code: string
  text: string
  /** The sex-specific item's wording for each sex (null on the others). */
  text_female?: string | null
  text_male?: string | null
  types: string[]
  reverse_in: string[]
  sex: "all" | "female" | "male"
  sort: number
  version?: string
}

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number }
export type Paged<T> = { data: T[]; pagination: Pagination }
