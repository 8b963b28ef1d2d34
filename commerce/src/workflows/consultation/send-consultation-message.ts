import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { maskPhoneNumbers } from "../../modules/escort-messaging/rules/mask-phone-numbers"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import {
  CONSULTATION_STATUS_LABELS,
  conversationOpen,
} from "../../modules/consultation/rules/consultation-status"
import type ConsultationModuleService from "../../modules/consultation/service"
import type { ConsultationMessageRow, MessageSender } from "../../modules/consultation/service"
import { acceptConsultationWorkflow } from "./accept-consultation"
import { publishConsultationChangeStep } from "./publish-consultation-change"

type Input = {
  consultation_id: string
  sender_type: MessageSender
  sender_id: string
  text: string | null
  attachment_id: string | null
}

/** Only while the doctor has it (待接诊, 进行中); phone numbers masked as in 陪诊 messages. */
const recordMessageStep = createStep(
  "record-consultation-message",
  async (input: Input, { container }) => {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const row = await consultations.ownedConsultation(input.consultation_id)
    if (!conversationOpen(row.status)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `问诊当前为「${CONSULTATION_STATUS_LABELS[row.status]}」，不能发送消息`
      )
    }
    const message: ConsultationMessageRow = await consultations.recordMessage({
      ...input,
      text: input.text ? maskPhoneNumbers(input.text) : null,
    })
    return new StepResponse(
      { message, take: input.sender_type === "doctor" && row.status === "awaiting_doctor" },
      message.id
    )
  },
  async (id, { container }) => {
    if (id)
      await container.resolve<ConsultationModuleService>(CONSULTATION_MODULE).removeMessage(id)
  }
)

/** The doctor's first reply takes a waiting consultation, as accepting it does. */
const acceptFirstReplyStep = createStep(
  "accept-consultation-by-first-reply",
  async (taken: { consultation_id: string; doctor_id: string } | null, { container }) => {
    if (!taken) return new StepResponse(undefined)
    await acceptConsultationWorkflow(container).run({ input: taken })
    return new StepResponse(undefined)
  }
)

/** A message in the consultation; the doctor's first reply takes it (待接诊 → 进行中). */
export const sendConsultationMessageWorkflow = createWorkflow(
  "send-consultation-message",
  (input: Input) => {
    const recorded = recordMessageStep(input)
    const taken = transform({ recorded, input }, ({ recorded, input }) =>
      recorded.take ? { consultation_id: input.consultation_id, doctor_id: input.sender_id } : null
    )
    acceptFirstReplyStep(taken)
    publishConsultationChangeStep(transform({ input }, ({ input }) => input.consultation_id))
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.message))
  }
)
