import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadMemberTags } from "../../../../workflows/article-push/load-member-tags"
import { archiveRequest } from "../../../health-archive-request"

/**
 * The member's own audience tags, the ones article pushes match (constitution types, tests
 * bought, age group, report findings that call for attention): the storefronts ask the CMS
 * for the articles and products carrying them. Drawn from health data, so the read is logged.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { actorId, log } = archiveRequest(req)
  const [member] = await loadMemberTags(req.scope, [actorId])
  await log(actorId, "view", "suggestions")
  res.json({ tags: member?.tags ?? [] })
}
