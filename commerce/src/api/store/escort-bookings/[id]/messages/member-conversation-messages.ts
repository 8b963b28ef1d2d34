import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_MESSAGING_MODULE } from "../../../../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../../../../modules/escort-messaging/service"

/**
 * A member's booking's messages as its timeline stream sends them (event `message`), with
 * the member's own picture URLs: the latest id when the stream opens, then those after.
 */
export function memberConversationMessages(
  scope: Pick<MedusaContainer, "resolve">,
  bookingId: string
) {
  const messaging = scope.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
  const base = `/store/escort-bookings/${encodeURIComponent(bookingId)}/messages/images/`
  return {
    latestId: () => messaging.latestMessageId(bookingId),
    after: async (id: string | null) =>
      (await messaging.messagesOf(bookingId, id)).map((row) =>
        messaging.presentMessage(row, (uploadId) => base + encodeURIComponent(uploadId))
      ),
  }
}
