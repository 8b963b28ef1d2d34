import type { Product } from "../commerce/types"
import type { Article, ArticleCategory, Media, Tag } from "./types"

/**
 * A 专题页 (landing or brand page) as Strapi 5 serves it: an editor builds it in the CMS from
 * sections (a dynamic zone), and the web (/landing/[slug]) and the mini-program show it.
 */
export type LandingHeroSection = {
  __component: "landing.hero"
  id: number
  title: string
  subtitle?: string | null
  image?: Media | null
  cta_text?: string | null
  cta_link?: string | null
}

/** Products by handle (one a line or comma, in that order) or by a product tag (热销, 新品). */
export type LandingProductListSection = {
  __component: "landing.product-list"
  id: number
  heading?: string | null
  handles?: string | null
  product_tag?: string | null
  limit?: number | null
}

/** The latest articles of a CMS tag or category (all articles when neither is chosen). */
export type LandingArticleListSection = {
  __component: "landing.article-list"
  id: number
  heading?: string | null
  tag?: Pick<Tag, "slug" | "name"> | null
  category?: Pick<ArticleCategory, "slug" | "name"> | null
  limit?: number | null
}

/** Markdown, drawn through core's rich-text tree like an article body. */
export type LandingRichTextSection = { __component: "landing.rich-text"; id: number; body: string }

export type LandingImageSection = {
  __component: "landing.image"
  id: number
  image?: Media | null
  alt?: string | null
  link?: string | null
}

export type LandingCallToActionSection = {
  __component: "landing.call-to-action"
  id: number
  text: string
  link: string
  style?: "primary" | "secondary" | "link" | null
}

export type LandingSection =
  | LandingHeroSection
  | LandingProductListSection
  | LandingArticleListSection
  | LandingRichTextSection
  | LandingImageSection
  | LandingCallToActionSection

export type LandingPage = {
  documentId: string
  slug: string
  title: string
  seo_description?: string | null
  /** Shown in the mini-program (微官网) only when set. */
  publish_to_microsite?: boolean
  sections: LandingSection[]
  publishedAt?: string
}

/** A product or article list with its items looked up (empty when none or unreachable). */
export type ResolvedLandingSection =
  | Exclude<LandingSection, LandingProductListSection | LandingArticleListSection>
  | (LandingProductListSection & { products: Product[] })
  | (LandingArticleListSection & { articles: Article[] })

export type ResolvedLandingPage = Omit<LandingPage, "sections"> & {
  sections: ResolvedLandingSection[]
}
