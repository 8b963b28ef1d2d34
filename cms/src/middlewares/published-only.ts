import type { Core } from "@strapi/strapi"

/**
 * The content API answers published content only. Strapi 5 lets anyone with `find` ask
 * for drafts with `?status=draft` (strapi/strapi#25326: no per-role control), which would
 * show the public and the storefront token what editors have not released. Editors work
 * on drafts through the admin's content manager, which is not under /api.
 */
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  if (ctx.path.startsWith("/api/") && ctx.method === "GET") {
    const { status, publicationState, ...query } = ctx.query as Record<string, unknown>
    if (status !== undefined || publicationState !== undefined) ctx.query = query as never
  }
  await next()
}

export default publishedOnly
