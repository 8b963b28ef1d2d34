import type { Core } from "@strapi/strapi"
import { type CmsHookEvent, sendCmsHook } from "./send-cms-hook"

type Context = {
  action: string
  uid: string
  params: { documentId?: string; status?: string; locale?: string }
  contentType: {
    info: { singularName: string }
    options?: { draftAndPublish?: boolean }
    attributes: Record<string, { type: string }>
  }
}

/**
 * Which document-service calls change what the public sees. `create`/`update` with
 * status "published" publish without going through `publish` (Strapi calls it inside).
 */
function eventOf(context: Context): CmsHookEvent | null {
  const draftAndPublish = context.contentType.options?.draftAndPublish === true
  const published = context.params.status === "published"
  switch (context.action) {
    case "publish":
      return "entry.publish"
    case "unpublish":
      return "entry.unpublish"
    case "delete":
      return "entry.delete"
    case "create":
      return !draftAndPublish || published ? "entry.publish" : null
    case "update":
      return draftAndPublish && published ? "entry.publish" : "entry.update"
    default:
      return null
  }
}

const documentIdOf = (context: Context, result: unknown) => {
  const fromResult = (result as { documentId?: string } | null)?.documentId
  return context.params.documentId ?? fromResult ?? null
}

/**
 * Signs and sends editorial content events (publish, unpublish, update, delete of our
 * own api:: types) to commerce's POST /hooks/cms, after the change is saved. The entry
 * sent is the published version with its first-level relations (an article's tags).
 */
export function registerContentEvents(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx, next) => {
    const context = ctx as unknown as Context
    const result = await next()
    if (!context.uid.startsWith("api::")) return result
    const event = eventOf(context)
    const documentId = documentIdOf(context, result)
    if (!event || !documentId) return result
    // Only once the change is committed (the admin's 发布 runs create and publish in one
    // transaction): read earlier, the read can straddle the commit and fail, or announce a
    // change that is then rolled back. Nothing here may slow or fail the editor's request.
    const send = () => setImmediate(() => void announce(strapi, context, event, documentId))
    if (strapi.db.inTransaction()) {
      await strapi.db.transaction(async ({ onCommit }) => onCommit(send))
    } else send()
    return result
  })
}

/** Reads the entry as the public now sees it, with its first-level relations, and sends it. */
async function announce(
  strapi: Core.Strapi,
  context: Context,
  event: CmsHookEvent,
  documentId: string
) {
  const model = context.contentType.info.singularName
  let entry: Record<string, unknown> | null = null
  try {
    if (event !== "entry.delete") {
      const relations = Object.entries(context.contentType.attributes)
        .filter(([, attribute]) => attribute.type === "relation")
        .map(([name]) => name)
      const found = await strapi.documents(context.uid as never).findOne({
        documentId,
        status: event === "entry.unpublish" ? "draft" : "published",
        populate: relations as never,
      } as never)
      entry = (found as Record<string, unknown> | null) ?? { documentId }
    }
  } catch (error) {
    strapi.log.warn(`[cms-hook] cannot read ${model} ${documentId}: ${(error as Error).message}`)
    entry = { documentId }
  }
  sendCmsHook({ event, model, document_id: documentId, entry }, strapi.log)
}
