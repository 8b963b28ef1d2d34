import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { MODERATION_MODULE } from "../../../../modules/moderation"
import type ModerationModuleService from "../../../../modules/moderation/service"
import type { AdminModerationItemsQuery } from "../../../escort-review-validators"
import type { AuditNote } from "../../enforce-staff-access"
import { presentModerationItems } from "../present-moderation-item"

/** GET /admin/moderation/items?status=pending|approved|rejected|all: the moderation queue, oldest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as unknown as z.infer<typeof AdminModerationItemsQuery>
  const moderation = req.scope.resolve<ModerationModuleService>(MODERATION_MODULE)
  const { items, count } = await moderation.queue(
    { status: query.status === "all" ? undefined : query.status },
    { limit: query.limit, offset: query.offset }
  )
  // Reported messages are opened for staff here: the read is audit-logged like the conversation.
  const messageIds = items.filter((i) => i.source_type === "escort_message").map((i) => i.source_id)
  if (messageIds.length) {
    res.locals.audit = {
      action: "moderation.messages.read",
      details: { message_ids: messageIds },
    } as AuditNote
  }
  res.json({ items: await presentModerationItems(req.scope, items), count })
}
