import type { Core } from "@strapi/strapi"

const READS = new Set(["findMany", "findFirst", "findOne", "count"])

type RequestState = { state?: { route?: { info?: { type?: string } } } }

/**
 * Whether the running document read serves a request from outside the admin. The matched
 * route's type decides, not the URL: Koa routes `/API/articles`, `/Api/articles/` and
 * `/api/articles` alike. Reads with no request (bootstrap, seed) are the CMS's own.
 */
function servesContentApi(strapi: Core.Strapi) {
  const ctx = strapi.requestContext.get() as RequestState | undefined
  if (!ctx) return false
  return ctx.state?.route?.info?.type !== "admin"
}

/**
 * The content API reads published versions only, whatever it is asked (`status=draft`,
 * publication filters): Strapi 5 lets any role with `find` ask for drafts
 * (strapi/strapi#25326), and editors' drafts belong to the admin's content manager.
 * Enforced on the Document Service, where every read of every content type passes; types
 * without drafts too, since relations are populated in the parent's status
 * (`/api/tags?status=draft&populate=*` would list draft articles).
 */
export function registerPublishedOnlyContentApi(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (READS.has(context.action) && servesContentApi(strapi)) {
      const params: Record<string, unknown> = { ...context.params, status: "published" }
      // Which published entries have a pending draft is the editors' business too.
      delete params.publicationFilter
      delete params.hasPublishedVersion
      ;(context as { params: unknown }).params = params
    }
    return next()
  })
}
