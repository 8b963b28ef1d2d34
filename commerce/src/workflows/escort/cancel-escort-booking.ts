import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrderWorkflow,
  refundPaymentWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { ESCORT_MODULE } from "../../modules/escort"
import {
  escortCancellation,
  escortCancellationPolicyFromEnv,
  escortServiceStart,
  type EscortCancellation,
} from "../../modules/escort/rules/escort-cancellation"
import type { EscortBookingStatus } from "../../modules/escort/rules/escort-booking-status"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortBookingRow } from "../../modules/escort/types"
import { escortBookingLockKey } from "./escort-booking-lock"
import { publishEscortBookingChangeStep } from "./publish-escort-booking-change"

export type CancelEscortBookingInput = {
  booking_id: string
  customer_id: string
  /** The moment the rule is applied at (tests pin it); now when absent. */
  at?: string
}

type Decision = {
  booking: EscortBookingRow
  /** Null when the booking was already cancelled: the call answers what the first one did. */
  outcome: EscortCancellation | null
}

const toFen = (amount: unknown) => Math.round(Number(amount) * 100)
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`
const CANCELLED: EscortBookingStatus[] = ["cancelled", "refunded"]

const decideEscortCancellationStep = createStep(
  "decide-escort-cancellation",
  async (input: CancelEscortBookingInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const booking = await escorts.ownedBooking(input.booking_id, input.customer_id)
    if (CANCELLED.includes(booking.status)) {
      return new StepResponse<Decision>({ booking, outcome: null })
    }
    const outcome = escortCancellation(
      {
        status: booking.status,
        price_fen: Number(booking.price_fen),
        starts_at: escortServiceStart(booking.service_date, booking.start_time),
      },
      input.at ? new Date(input.at) : new Date(),
      escortCancellationPolicyFromEnv()
    )
    if ("refusal" in outcome) throw new MedusaError(MedusaError.Types.CONFLICT, outcome.refusal)
    return new StepResponse<Decision>({ booking, outcome })
  }
)

/** 已取消 with the rule's outcome, the escort released; undone if the refund fails. */
const markEscortBookingCancelledStep = createStep(
  "mark-escort-booking-cancelled",
  async (input: Decision & { customer_id: string }, { container }) => {
    if (!input.outcome) return new StepResponse(input.booking, null)
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const cancelled = await escorts.cancelBooking(
      input.booking.id,
      input.booking.status,
      input.outcome,
      {
        actor_type: "customer",
        actor_id: input.customer_id,
      }
    )
    return new StepResponse(cancelled, {
      id: input.booking.id,
      status: input.booking.status,
      escort_id: input.booking.escort_id,
    })
  },
  async (before, { container }) => {
    if (!before) return
    await container
      .resolve<EscortModuleService>(ESCORT_MODULE)
      .undoCancel(before.id, before.status, before.escort_id)
  }
)

type PaymentRow = {
  id: string
  provider_id: string
  amount: unknown
  captured_at?: Date | string | null
  refunds?: ({ amount: unknown } | null)[] | null
}

/**
 * The refund through the order's payment (the provider's refund path): a full refund cancels
 * the order (Medusa refunds its captured payments; order.canceled gives back the store credit
 * and reverses commissions); a partial one refunds the provider payment by that much. The
 * booking records what was refunded (已退款). Nothing to refund: it stays 已取消.
 */
const refundEscortBookingStep = createStep(
  "refund-escort-booking",
  async (input: Decision & { cancelled: EscortBookingRow; customer_id: string }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const booking = input.cancelled
    if (!input.outcome || !booking.order_id || input.outcome.refund_fen <= 0) {
      return new StepResponse(booking)
    }
    const price = Number(booking.price_fen)
    if (input.outcome.refund_fen >= price) {
      await cancelOrderWorkflow(container).run({
        input: { order_id: booking.order_id, canceled_by: input.customer_id },
      })
      return new StepResponse(
        await escorts.recordRefund(booking.id, price, `已全额退款 ${yuan(price)} 元`)
      )
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "id",
        "payment_collections.payments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.amount",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: booking.order_id },
    })
    const payments = ((data[0]?.payment_collections ?? []) as { payments?: PaymentRow[] }[])
      .flatMap((collection) => collection?.payments ?? [])
      .filter((payment) => payment?.captured_at)
    let left = input.outcome.refund_fen
    for (const payment of payments) {
      const refunded = (payment.refunds ?? []).reduce((sum, r) => sum + toFen(r?.amount), 0)
      const fen = Math.min(left, toFen(payment.amount) - refunded)
      if (fen <= 0) continue
      await refundPaymentWorkflow(container).run({
        input: {
          payment_id: payment.id,
          amount: yuan(fen),
          created_by: input.customer_id,
          note: input.outcome.note,
        },
      })
      left -= fen
    }
    // Store credit that paid part of the booking is not split: the provider refund is what
    // goes back in the fee band (see the report; a full refund returns the credit too).
    const refundedFen = input.outcome.refund_fen - left
    if (refundedFen <= 0) return new StepResponse(booking)
    return new StepResponse(
      await escorts.recordRefund(
        booking.id,
        refundedFen,
        `扣除取消费 ${yuan(input.outcome.fee_fen)} 元，已退款 ${yuan(refundedFen)} 元`
      )
    )
  }
)

/**
 * A member cancels their booking (POST /store/escort-bookings/:id/cancel): the rule by time
 * before the service decides the refund; under the booking's lock (shared with paying) and a
 * conditional UPDATE, two cancels at once make one refund, and a repeated cancel answers what
 * the first did.
 */
export const cancelEscortBookingWorkflow = createWorkflow(
  "cancel-escort-booking",
  (input: CancelEscortBookingInput) => {
    const key = transform({ input }, ({ input }) => escortBookingLockKey(input.booking_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const decision = decideEscortCancellationStep(input)
    const cancelled = markEscortBookingCancelledStep(
      transform({ decision, input }, ({ decision, input }) => ({
        ...decision,
        customer_id: input.customer_id,
      }))
    )
    const booking = refundEscortBookingStep(
      transform({ decision, cancelled, input }, ({ decision, cancelled, input }) => ({
        ...decision,
        cancelled,
        customer_id: input.customer_id,
      }))
    )
    releaseLockStep({ key })
    publishEscortBookingChangeStep(input.booking_id)
    return new WorkflowResponse(booking)
  }
)
