import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INBOX_MODULE } from "../../../modules/inbox"
import type InboxModuleService from "../../../modules/inbox/service"
import type { ListInboxQueryType } from "./validators"

/** The signed-in member's inbox (消息中心), newest first, with the unread count. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListInboxQueryType>,
  res: MedusaResponse
) {
  const inbox = req.scope.resolve<InboxModuleService>(INBOX_MODULE)
  const customerId = req.auth_context.actor_id
  const { limit, offset, unread } = req.validatedQuery as ListInboxQueryType
  const filters = {
    customer_id: customerId,
    ...(unread === true ? { read_at: null } : {}),
  }
  const [messages, count] = await inbox.listAndCountInboxMessages(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  const unreadCount = await inbox.countUnread(customerId)
  res.json({ messages, count, limit, offset, unread_count: unreadCount })
}
