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
import type ConsultationModuleService from "../../modules/consultation/service"
import { yuan } from "../checkout/pay-through-own-cart"
import { consultationLockKey } from "./consultation-lock"
import { dropConsultationReminderStep } from "./consultation-reminder-steps"
import { releasePrivacyNumberStep } from "./release-privacy-number"
import { notifyConsultationMemberStep } from "./notify-consultation-member"
import { publishConsultationChangeStep } from "./publish-consultation-change"

export type RefundConsultationInput = {
  consultation_id: string
  /** Only this doctor's consultation (a decline); absent for the sweep. */
  doctor_id?: string
  reason: string
  /** Who cancels the order (the doctor, or the system sweep). */
  canceled_by?: string
}

type Decision = {
  refunded: boolean
  order_id: string | null
  customer_id: string
  price_fen: number
  /** The slot a phone/video consultation held: its reminder is dropped. */
  slot_start: string | null
}

/** 待接诊 → 已退款 from the row as it is now; anything else (taken, done, refunded) stays. */
const markRefundedStep = createStep(
  "mark-consultation-refunded",
  async (input: RefundConsultationInput, { container }) => {
    const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    const row = input.doctor_id
      ? await consultations.doctorConsultation(input.consultation_id, input.doctor_id)
      : await consultations.ownedConsultation(input.consultation_id)
    const price = Number(row.price_fen)
    const refunded = await consultations.markRefunded(row.id, {
      refund_fen: price,
      reason: input.reason,
    })
    const slot = (await consultations.slotBookingsOf([row.id])).get(row.id)
    const decision: Decision = {
      refunded,
      order_id: row.order_id,
      customer_id: row.customer_id,
      price_fen: price,
      slot_start: slot ? new Date(slot.slot_start).toISOString() : null,
    }
    return new StepResponse(decision, refunded ? row.id : null)
  },
  async (id: string | null | undefined, { container }) => {
    if (id) await container.resolve<ConsultationModuleService>(CONSULTATION_MODULE).undoRefunded(id)
  }
)

/**
 * The full refund when a doctor declines or does not answer in time: the order is cancelled,
 * which refunds its captured payments through their provider (and gives back store credit);
 * the member hears of it in the inbox. Under the consultation's lock and a conditional UPDATE,
 * a second call (a retried sweep, a decline racing the sweep) refunds nothing more.
 */
export const refundConsultationWorkflow = createWorkflow(
  "refund-consultation",
  (input: RefundConsultationInput) => {
    const key = transform({ input }, ({ input }) => consultationLockKey(input.consultation_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const decision = markRefundedStep(input)
    when({ decision }, ({ decision }) => decision.refunded && !!decision.order_id).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ decision, input }, ({ decision, input }) => ({
          order_id: decision.order_id!,
          canceled_by: input.canceled_by,
        })),
      })
    })
    when({ decision }, ({ decision }) => decision.refunded && !!decision.slot_start).then(() => {
      dropConsultationReminderStep(
        transform({ decision, input }, ({ decision, input }) => ({
          consultation_id: input.consultation_id,
          slot_start: decision.slot_start!,
        }))
      )
    })
    when({ decision }, ({ decision }) => decision.refunded).then(() => {
      releasePrivacyNumberStep(transform({ input }, ({ input }) => input.consultation_id))
      notifyConsultationMemberStep(
        transform({ decision, input }, ({ decision, input }) => ({
          customer_id: decision.customer_id,
          consultation_id: input.consultation_id,
          kind: "refunded" as const,
          title: "问诊已退款",
          body: `${input.reason}，已全额退款 ¥${yuan(decision.price_fen)}。`,
        }))
      )
    })
    releaseLockStep({ key })
    publishConsultationChangeStep(transform({ input }, ({ input }) => input.consultation_id))
    return new WorkflowResponse(decision)
  }
)
