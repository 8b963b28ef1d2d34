import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../modules/escort"
import type EscortModuleService from "../modules/escort/service"
import type { EscortBookingRow } from "../modules/escort/service"
import { ESCORT_MESSAGING_MODULE } from "../modules/escort-messaging"
import {
  conversationState,
  type ConversationState,
} from "../modules/escort-messaging/rules/conversation-window"
import type EscortMessagingModuleService from "../modules/escort-messaging/service"
import type { MessageSender } from "../modules/escort-messaging/service"
import { escortRequest, memberEscortRequest } from "./escort-request"

export type Conversation = {
  messaging: EscortMessagingModuleService
  booking: EscortBookingRow
  reader: { type: MessageSender; id: string }
  state: ConversationState
  /** Pictures, report documents and the report: the escort's only while the task lasts. */
  filesVisible: boolean
  /** Where this reader fetches a picture of the booking: its own authorised route. */
  imageUrl: (uploadId: string) => string
}

const BASE: Record<MessageSender, string> = {
  member: "/store/escort-bookings",
  escort: "/escort/tasks",
  staff: "/admin/escort-bookings",
}

async function conversationOf(
  req: AuthenticatedMedusaRequest,
  escorts: EscortModuleService,
  booking: EscortBookingRow,
  reader: Conversation["reader"]
): Promise<Conversation> {
  const events = await escorts.bookingEvents(booking.id)
  const completed = events.filter((event) => event.status === "completed").pop()
  const state = conversationState(booking, completed ? new Date(completed.at) : null)
  const base = `${BASE[reader.type]}/${encodeURIComponent(booking.id)}/messages/images/`
  return {
    messaging: req.scope.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE),
    booking,
    reader,
    state,
    filesVisible: reader.type !== "escort" || state.open,
    imageUrl: (uploadId) => base + encodeURIComponent(uploadId),
  }
}

/** The member's own booking's conversation; another member's booking is 404. */
export async function memberConversation(req: AuthenticatedMedusaRequest) {
  const { escorts, customerId } = memberEscortRequest(req)
  const booking = await escorts.ownedBooking(req.params.id, customerId)
  return conversationOf(req, escorts, booking, { type: "member", id: customerId })
}

/** The conversation of a task the signed-in escort holds; anyone else's task is 404. */
export async function escortConversation(req: AuthenticatedMedusaRequest) {
  const { escorts, escort } = await escortRequest(req)
  const booking = await escorts.ownedBooking(req.params.id)
  if (booking.escort_id !== escort.id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该任务")
  }
  return conversationOf(req, escorts, booking, { type: "escort", id: escort.id })
}

/** Any booking's conversation, for operations (the admin gate decides who is staff). */
export async function staffConversation(req: AuthenticatedMedusaRequest) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const booking = await escorts.ownedBooking(req.params.id)
  return conversationOf(req, escorts, booking, { type: "staff", id: req.auth_context.actor_id })
}

/** Refuses writing to a conversation that is closed (before an escort, or read-only after). */
export function requireOpenConversation(conversation: Conversation) {
  if (!conversation.state.open) {
    throw new MedusaError(MedusaError.Types.CONFLICT, conversation.state.closedReason!)
  }
}

/** Refuses the escort pictures and report documents once their task has ended. */
export function requireFilesVisible(conversation: Conversation) {
  if (!conversation.filesVisible) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "任务已结束，图片和服务报告仅就诊人一方可查看"
    )
  }
}
