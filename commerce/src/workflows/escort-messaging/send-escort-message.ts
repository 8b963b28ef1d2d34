import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MESSAGING_MODULE } from "../../modules/escort-messaging"
import { maskPhoneNumbers } from "../../modules/escort-messaging/rules/mask-phone-numbers"
import type EscortMessagingModuleService from "../../modules/escort-messaging/service"
import type { EscortMessageRow, MessageSender } from "../../modules/escort-messaging/service"
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"

type Input = {
  booking_id: string
  sender_type: MessageSender
  sender_id: string
  text: string | null
  image_upload_id: string | null
}

/** Stores the message with phone numbers masked: the other party never sees a number. */
const recordEscortMessageStep = createStep(
  "record-escort-message",
  async (input: Input, { container }) => {
    const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
    const row = await messaging.recordMessage({
      ...input,
      text: input.text ? maskPhoneNumbers(input.text) : null,
    })
    return new StepResponse(row, row.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE).removeMessage(id)
  }
)

/**
 * A message from one party of a booking to the other. Open streams of the booking hear of
 * it (event `message`) through the same channel as the timeline.
 */
export const sendEscortMessageWorkflow = createWorkflow("send-escort-message", (input: Input) => {
  const message: EscortMessageRow = recordEscortMessageStep(input)
  publishEscortBookingChangeStep(input.booking_id)
  return new WorkflowResponse(message)
})
