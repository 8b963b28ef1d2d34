import type { Core } from "@strapi/strapi"
import { errors } from "@strapi/utils"

const PAGE = "api::page.page"

type PageRow = { title?: string | null; body?: string | null; version?: string | null }

export const PUBLISHED_VERSION_CHANGED =
  "该版本已发布，其内容不能直接修改：请填写新的版本号后再发布（会员已同意的是旧版本）"

/**
 * A published legal page or consent text is the exact text members agreed to, under its
 * version: publishing a changed title or body under the same version is refused, so a change
 * is always a new version (commerce records the version each member accepted).
 */
export function registerPublishedPageVersions(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== PAGE || context.action !== "publish") return next()
    const documentId = (context.params as { documentId?: string }).documentId
    if (!documentId) return next()
    const pages = strapi.documents(PAGE)
    const [draft, published] = (await Promise.all([
      pages.findOne({ documentId, status: "draft" }),
      pages.findOne({ documentId, status: "published" }),
    ])) as [PageRow | null, PageRow | null]
    if (
      draft &&
      published?.version &&
      draft.version === published.version &&
      ((draft.body ?? "") !== (published.body ?? "") || draft.title !== published.title)
    ) {
      throw new errors.ApplicationError(PUBLISHED_VERSION_CHANGED)
    }
    return next()
  })
}
