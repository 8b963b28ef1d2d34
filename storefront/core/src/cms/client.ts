import type { ClinicSession, CollectionSite } from "@health/contracts"
import type { CacheHint, FetchLike } from "../http"
import { ApiError, query, readJson } from "../http"
import { CmsUnavailableError, type LastGoodStore } from "./last-good"
import { isLandingSection, LANDING_SLUG, landingPageCacheTags } from "./landing-page"
import type { LandingPage, LandingSection } from "./landing-page-types"
import type {
  Article,
  ArticleCategory,
  Banner,
  ConstitutionType,
  Media,
  Page,
  Paged,
  Pagination,
  Tag,
} from "./types"

export type CmsClientOptions = {
  baseUrl: string
  token?: string
  fetch: FetchLike
  /** Where browsers load uploads from; defaults to baseUrl. */
  mediaBaseUrl?: string
  /**
   * Keeps each request's last good answer; when the CMS is down (unreachable, timing out,
   * 5xx) the client answers from it, else throws CmsUnavailableError.
   */
  lastGood?: LastGoodStore
  /** Gives up on a CMS that does not answer within this long (default 5 s). */
  timeoutMs?: number
}

/** A 4xx is the CMS's answer (not found, refused); anything else means it is not there. */
const isOutage = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || [408, 429].includes(error.status)

type StrapiList<T> = { data: T[]; meta: { pagination: Pagination } }

/** An article as the 微官网 (the mini-program) may show it: see getMicrositeArticle. */
export type MicrositeArticle =
  | { status: "shown"; article: Article }
  | { status: "off-microsite" }
  | { status: "missing" }

/** Typed read access to the published CMS content. */
export function createCmsClient({
  baseUrl,
  token,
  fetch,
  mediaBaseUrl,
  lastGood,
  timeoutMs = 5000,
}: CmsClientOptions) {
  const api = baseUrl.replace(/\/$/, "")
  const media = (mediaBaseUrl ?? baseUrl).replace(/\/$/, "")
  const request = async <T>(path: string, tags: string[]): Promise<T> => {
    try {
      const response = await fetch(`${api}/api${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(timeoutMs),
        cacheHint: { tags, revalidate: 60 } satisfies CacheHint,
      })
      const body = await readJson<T>(response)
      await lastGood?.set(path, body)
      return body
    } catch (error) {
      if (!isOutage(error)) throw error
      const kept = await lastGood?.get(path)
      if (kept !== undefined) return kept as T
      throw new CmsUnavailableError(error)
    }
  }
  /** Strapi gives upload URLs relative to itself; browsers need them absolute. */
  const resolveMedia = <T extends { url: string } | null | undefined>(file: T): T =>
    file && file.url.startsWith("/") ? ({ ...file, url: `${media}${file.url}` } as T) : file
  const withMedia = (section: LandingSection): LandingSection =>
    section.__component === "landing.hero" || section.__component === "landing.image"
      ? { ...section, image: resolveMedia(section.image) }
      : section
  const withArticleMedia = (article: Article): Article => ({
    ...article,
    cover: resolveMedia(article.cover as Media | null | undefined),
    expert: article.expert
      ? { ...article.expert, avatar: resolveMedia(article.expert.avatar) }
      : article.expert,
  })

  /**
   * One published article by slug, or null when there is none. With `microsite`, only one
   * the editor published to the 微官网 (the mini-program's): any other answers null too.
   */
  const getArticle = async (
    slug: string,
    options: { microsite?: boolean } = {}
  ): Promise<Article | null> => {
    const { data } = await request<StrapiList<Article>>(
      `/articles${query({
        "filters[slug][$eq]": slug,
        "filters[publish_to_microsite][$eq]": options.microsite ? true : undefined,
        "populate[cover]": true,
        "populate[category]": true,
        "populate[tags]": true,
        "populate[expert][populate][avatar]": true,
      })}`,
      ["articles", `article:${slug}`]
    )
    return data[0] ? withArticleMedia(data[0]) : null
  }

  return {
    resolveMedia,

    /**
     * Published articles, newest first. With `microsite`, only those the editor published to
     * the 微官网 (the mini-program's lists); the web lists them all.
     */
    async listArticles(
      params: {
        category?: string
        tag?: string
        page?: number
        pageSize?: number
        microsite?: boolean
      } = {}
    ): Promise<Paged<Article>> {
      const { data, meta } = await request<StrapiList<Article>>(
        `/articles${query({
          "filters[category][slug][$eq]": params.category,
          "filters[tags][slug][$eq]": params.tag,
          "filters[publish_to_microsite][$eq]": params.microsite ? true : undefined,
          "pagination[page]": params.page ?? 1,
          "pagination[pageSize]": params.pageSize ?? 10,
          sort: "publishedAt:desc",
          "populate[cover]": true,
          "populate[category]": true,
          "populate[tags]": true,
          "populate[expert]": true,
        })}`,
        ["articles"]
      )
      return { data: data.map(withArticleMedia), pagination: meta.pagination }
    },

    getArticle,

    /**
     * The mini-program's article page (a WeChat surface): the article when the editor published
     * it to the 微官网; `off-microsite` when it is published for the web only (its body is
     * never fetched); `missing` when there is no such published article.
     */
    async getMicrositeArticle(slug: string): Promise<MicrositeArticle> {
      const article = await getArticle(slug, { microsite: true })
      if (article) return { status: "shown", article }
      // Only whether it exists: its slug, no body nor relations.
      const { data } = await request<StrapiList<Pick<Article, "slug">>>(
        `/articles${query({ "filters[slug][$eq]": slug, "fields[0]": "slug", "pagination[pageSize]": 1 })}`,
        ["articles", `article:${slug}`]
      )
      return { status: data.length ? "off-microsite" : "missing" }
    },

    /** One tag by slug (its page's title and kind), or null when there is none. */
    async getTag(slug: string): Promise<Tag | null> {
      const { data } = await request<StrapiList<Tag>>(
        `/tags${query({ "filters[slug][$eq]": slug })}`,
        ["articles", `tag:${slug}`]
      )
      return data[0] ?? null
    },

    async listArticleCategories(): Promise<ArticleCategory[]> {
      const { data } = await request<StrapiList<ArticleCategory>>(
        `/article-categories${query({ sort: "sort:asc" })}`,
        ["articles"]
      )
      return data
    },

    async listCollectionSites(params: { city?: string } = {}): Promise<CollectionSite[]> {
      const { data } = await request<StrapiList<CollectionSite>>(
        `/collection-sites${query({ "filters[active][$eq]": true, "filters[city][$eq]": params.city, "pagination[pageSize]": 100, sort: "id:asc" })}`,
        ["sites"]
      )
      return data
    },

    /** Clinic sessions that have not started yet, soonest first. */
    async listClinicSessions(now: Date = new Date()): Promise<ClinicSession[]> {
      const { data } = await request<StrapiList<ClinicSession>>(
        `/clinic-sessions${query({ "filters[starts_at][$gt]": now.toISOString(), sort: "starts_at:asc", "pagination[pageSize]": 20, "populate[expert]": true })}`,
        ["clinic-sessions"]
      )
      return data
    },

    /** Banners of one placement whose schedule includes `now`. */
    async listBanners(placement: Banner["placement"], now: Date = new Date()): Promise<Banner[]> {
      const { data } = await request<StrapiList<Banner>>(
        `/banners${query({ "filters[placement][$eq]": placement, sort: "sort:asc", "populate[image]": true })}`,
        ["banners"]
      )
      return data
        .filter(
          (b) =>
            (!b.starts_at || new Date(b.starts_at) <= now) &&
            (!b.ends_at || new Date(b.ends_at) > now)
        )
        .map((b) => ({ ...b, image: resolveMedia(b.image) }))
    },

    async getPage(slug: string): Promise<Page | null> {
      const { data } = await request<StrapiList<Page>>(
        `/pages${query({ "filters[slug][$eq]": slug })}`,
        ["pages", `page:${slug}`]
      )
      return data[0] ?? null
    },

    /**
     * A published 专题页 with its sections, or null when there is none by that slug. With
     * `microsite`, only a page the editor published to the 微官网 (the mini-program's own).
     */
    async getLandingPage(
      slug: string,
      options: { microsite?: boolean } = {}
    ): Promise<LandingPage | null> {
      if (!LANDING_SLUG.test(slug)) return null
      const { data } = await request<StrapiList<LandingPage>>(
        `/landing-pages${query({
          "filters[slug][$eq]": slug,
          "filters[publish_to_microsite][$eq]": options.microsite ? true : undefined,
          // Every section's own fields, its image and its tag or category.
          "populate[sections][populate]": "*",
        })}`,
        landingPageCacheTags(slug)
      )
      const page = data[0]
      if (!page) return null
      return { ...page, sections: (page.sections ?? []).filter(isLandingSection).map(withMedia) }
    },

    async listConstitutionTypes(): Promise<ConstitutionType[]> {
      const { data } = await request<StrapiList<ConstitutionType>>(
        `/constitution-types${query({ sort: "sort:asc", "pagination[pageSize]": 20 })}`,
        ["constitution"]
      )
      return data
    },
  }
}

export type CmsClient = ReturnType<typeof createCmsClient>
