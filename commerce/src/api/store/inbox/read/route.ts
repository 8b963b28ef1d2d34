import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INBOX_MODULE } from "../../../../modules/inbox"
import type InboxModuleService from "../../../../modules/inbox/service"
import type { MarkReadBodyType } from "../validators"

/** Marks some of the member's messages read; other members' ids are ignored. */
export async function POST(req: AuthenticatedMedusaRequest<MarkReadBodyType>, res: MedusaResponse) {
  const inbox = req.scope.resolve<InboxModuleService>(INBOX_MODULE)
  const customerId = req.auth_context.actor_id
  const updated = await inbox.markRead(customerId, req.validatedBody.ids)
  res.json({ updated, unread_count: await inbox.countUnread(customerId) })
}
