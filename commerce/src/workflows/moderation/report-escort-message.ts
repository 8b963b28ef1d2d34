import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MESSAGING_MODULE } from "../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../modules/escort-messaging/service"
import { MODERATION_MODULE } from "../../modules/moderation"
import type ModerationModuleService from "../../modules/moderation/service"

export type ReportEscortMessageInput = {
  /** The booking whose conversation the reporter is a party of (the route checked). */
  booking_id: string
  message_id: string
  reporter: "member" | "escort"
  reason: string
}

/**
 * A party reports a message the other party sent them (POST …/messages/:message_id/report):
 * it joins the moderation queue. The text stays sealed in the conversation; the queue
 * holds only a reference, and staff read it through the audited admin list. One's own
 * message, staff's, or another booking's is 404.
 */
const reportEscortMessageStep = createStep(
  "report-escort-message",
  async (input: ReportEscortMessageInput, { container }) => {
    const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
    const moderation = container.resolve<ModerationModuleService>(MODERATION_MODULE)
    const [message] = await messaging.listEscortMessages(
      { id: input.message_id, booking_id: input.booking_id },
      { take: 1 }
    )
    const otherParty = input.reporter === "member" ? "escort" : "member"
    if (!message || message.sender_type !== otherParty) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到可举报的消息")
    }
    const item = await moderation.report(
      {
        source_type: "escort_message",
        source_id: message.id,
        author_type: otherParty,
        author_id: message.sender_id,
        text: "",
      },
      { by: input.reporter, reason: input.reason }
    )
    return new StepResponse({ id: item.id, status: item.status })
  }
)

export const reportEscortMessageWorkflow = createWorkflow(
  "report-escort-message",
  (input: ReportEscortMessageInput) => new WorkflowResponse(reportEscortMessageStep(input))
)
