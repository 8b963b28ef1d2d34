import { cmsPictureUrl, containsAny, readCms } from "./cms-content-request"
import { shortSummary, type PushContent, type PushContentSource } from "./push-content-types"

type CmsArticle = {
  documentId: string
  title?: string
  slug?: string
  summary?: string | null
  cover?: unknown
}

const asContent = (article: CmsArticle): PushContent => ({
  ref: article.documentId,
  title: article.title ?? "",
  summary: shortSummary(article.summary),
  link: `/articles/${encodeURIComponent(article.slug || article.documentId)}`,
  image: cmsPictureUrl(article.cover),
})

/** Published CMS articles (资讯), newest first, by title or summary. */
export const articleContent: PushContentSource = {
  async search(_container, q, limit) {
    const params = new URLSearchParams({
      sort: "publishedAt:desc",
      "pagination[pageSize]": String(limit),
      "populate[cover]": "true",
    })
    containsAny(params, q, ["title", "summary"])
    return ((await readCms<CmsArticle[]>("/articles", params)) ?? []).map(asContent)
  },

  async find(_container, ref) {
    const params = new URLSearchParams({ "populate[cover]": "true" })
    const article = await readCms<CmsArticle>(`/articles/${encodeURIComponent(ref)}`, params)
    return article ? asContent(article) : null
  },
}
