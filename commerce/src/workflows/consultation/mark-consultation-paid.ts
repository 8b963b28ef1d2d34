import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
  when,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, cancelOrderWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import { answerDueAt } from "../../modules/consultation/rules/answer-deadline"
import { slotGraceMinutes } from "../../modules/consultation/rules/slots"
import type ConsultationModuleService from "../../modules/consultation/service"
import { consultationLockKey } from "./consultation-lock"
import { scheduleConsultationReminderStep } from "./consultation-reminder-steps"
import { publishConsultationChangeStep } from "./publish-consultation-change"

type Input = { order_id: string; consultation_id: string }

const markPaidStep = createStep("mark-consultation-paid", async (input: Input, { container }) => {
  const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  // A booked slot is the promise: the doctor starts by its start plus the grace minutes, or
  // the sweep refunds it like an unanswered text consultation.
  const slot = (await consultations.slotBookingsOf([input.consultation_id])).get(
    input.consultation_id
  )
  const { moved, consultation } = await consultations.markPaidByOrder(
    input.consultation_id,
    input.order_id,
    (paidAt) =>
      slot
        ? new Date(new Date(slot.slot_start).getTime() + slotGraceMinutes() * 60_000)
        : answerDueAt(paidAt)
  )
  // Paid after the unpaid sweep cancelled it: the money goes back.
  const late =
    !moved && consultation.order_id !== input.order_id && consultation.status === "cancelled"
  return new StepResponse({
    moved,
    refund_order: late,
    slot_start: slot ? new Date(slot.slot_start).toISOString() : null,
  })
})

const recordLateRefundStep = createStep(
  "record-consultation-late-refund",
  async (input: Input, { container }) => {
    await container
      .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      .recordLateRefund(input.consultation_id)
    return new StepResponse(undefined)
  }
)

/**
 * order.placed for a consultation's cart: 待支付 → 待接诊 once, with the answer deadline. A
 * replayed notification changes nothing; a payment after the consultation expired is refunded.
 */
export const markConsultationPaidWorkflow = createWorkflow(
  "mark-consultation-paid",
  (input: Input) => {
    const key = transform({ input }, ({ input }) => consultationLockKey(input.consultation_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const outcome = markPaidStep(input)
    when({ outcome }, ({ outcome }) => outcome.refund_order).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ order_id: input.order_id })),
      })
      recordLateRefundStep(input)
    })
    when({ outcome }, ({ outcome }) => outcome.moved && !!outcome.slot_start).then(() => {
      scheduleConsultationReminderStep(
        transform({ input, outcome }, ({ input, outcome }) => ({
          consultation_id: input.consultation_id,
          slot_start: outcome.slot_start!,
        }))
      )
    })
    releaseLockStep({ key })
    publishConsultationChangeStep(transform({ input }, ({ input }) => input.consultation_id))
    return new WorkflowResponse(outcome)
  }
)
