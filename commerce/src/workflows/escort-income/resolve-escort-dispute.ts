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
  refundPaymentWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortBookingRow } from "../../modules/escort/types"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import type { EscortDisputeRow } from "../../modules/escort-income/types"
import { escortBookingLockKey } from "../escort/escort-booking-lock"

export type ResolveEscortDisputeInput = {
  dispute_id: string
  outcome: "release" | "refund"
  /** For `refund`: how much of the price goes back to the member, in fen. */
  refund_fen?: number
  note?: string | null
  staff_id: string
}

type Decision = { dispute: EscortDisputeRow; booking: EscortBookingRow; refund_fen: number }

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const toFen = (amount: unknown) => Math.round(Number(amount) * 100)
const yuan = (fen: number) => (fen / 100).toFixed(2)

/** The booking a dispute is about (its lock is the one paying and cancelling take). */
const disputedBookingStep = createStep(
  "disputed-escort-booking",
  async (disputeId: string, { container }) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    return new StepResponse((await income.dispute(disputeId)).booking_id)
  }
)

const decideEscortDisputeStep = createStep(
  "decide-escort-dispute",
  async (input: ResolveEscortDisputeInput, { container }) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    const dispute = await income.dispute(input.dispute_id)
    if (dispute.status !== "open") throw conflict("该申诉已处理，不能重复处理")
    const booking = await container
      .resolve<EscortModuleService>(ESCORT_MODULE)
      .ownedBooking(dispute.booking_id)
    const price = Number(booking.price_fen)
    const refund = input.outcome === "refund" ? (input.refund_fen ?? price) : 0
    if (input.outcome === "refund" && (refund <= 0 || refund > price)) {
      throw invalid(`退款金额应在 ¥0.01 至 ¥${yuan(price)} 之间`)
    }
    return new StepResponse<Decision>({ dispute, booking, refund_fen: refund })
  }
)

type RefundOutcome = { through: "none" | "offline" | "provider"; fen: number }

type PaymentRow = {
  id: string
  amount: unknown
  captured_at?: Date | string | null
  refunds?: ({ amount: unknown } | null)[] | null
}

/**
 * The member's money goes back through the order's captured payments (the provider refund
 * path the cancellation uses). A booking operations marked paid by hand has no order: its
 * refund is returned offline by finance, and the answer says so.
 */
const refundDisputedBookingStep = createStep(
  "refund-disputed-escort-booking",
  async (input: Decision & { staff_id: string }, { container }) => {
    if (input.refund_fen <= 0) return new StepResponse<RefundOutcome>({ through: "none", fen: 0 })
    if (!input.booking.order_id) {
      return new StepResponse<RefundOutcome>({ through: "offline", fen: input.refund_fen })
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "payment_collections.payments.id",
        "payment_collections.payments.amount",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: input.booking.order_id },
    })
    const payments = ((data[0]?.payment_collections ?? []) as { payments?: PaymentRow[] }[])
      .flatMap((collection) => collection?.payments ?? [])
      .filter((payment) => payment?.captured_at)
    const refundable = payments.reduce(
      (sum, p) =>
        sum + toFen(p.amount) - (p.refunds ?? []).reduce((s, r) => s + toFen(r?.amount), 0),
      0
    )
    if (refundable < input.refund_fen) {
      throw invalid(
        `该订单通过支付渠道最多还可退 ¥${yuan(refundable)}（余额抵扣部分不退回渠道），请调整退款金额`
      )
    }
    let left = input.refund_fen
    for (const payment of payments) {
      const refunded = (payment.refunds ?? []).reduce((sum, r) => sum + toFen(r?.amount), 0)
      const fen = Math.min(left, toFen(payment.amount) - refunded)
      if (fen <= 0) continue
      await refundPaymentWorkflow(container).run({
        input: {
          payment_id: payment.id,
          amount: yuan(fen),
          created_by: input.staff_id,
          note: `陪诊申诉退款 ${input.dispute.id}`,
        },
      })
      left -= fen
      if (left <= 0) break
    }
    return new StepResponse<RefundOutcome>({ through: "provider", fen: input.refund_fen })
  }
)

const applyEscortDisputeResolutionStep = createStep(
  "apply-escort-dispute-resolution",
  async (
    input: Decision & { outcome: "release" | "refund"; note: string | null; staff_id: string },
    { container }
  ) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    const dispute = await income.resolveDispute({
      dispute_id: input.dispute.id,
      outcome: input.outcome,
      refund_fen: input.refund_fen,
      note: input.note,
      staff_id: input.staff_id,
      at: new Date(),
    })
    return new StepResponse(dispute)
  }
)

/**
 * Operations settle a dispute (POST /admin/escort-income/disputes/:id/resolve): release the
 * frozen income to the escort, or refund the member part or all of the price and reverse
 * the escort's earning to their share of what is kept. Under the booking's lock and the
 * dispute's conditional UPDATE, two resolves at once refund once; the second is a 409.
 */
export const resolveEscortDisputeWorkflow = createWorkflow(
  "resolve-escort-dispute",
  (input: ResolveEscortDisputeInput) => {
    const bookingId = disputedBookingStep(input.dispute_id)
    const key = transform({ bookingId }, ({ bookingId }) => escortBookingLockKey(bookingId))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    // Decided under the lock: a resolve that held it first has closed the dispute.
    const locked = decideEscortDisputeStep(input)
    const refund = refundDisputedBookingStep(
      transform({ locked, input }, ({ locked, input }) => ({ ...locked, staff_id: input.staff_id }))
    )
    const dispute = applyEscortDisputeResolutionStep(
      transform({ locked, input }, ({ locked, input }) => ({
        ...locked,
        outcome: input.outcome,
        note: input.note ?? null,
        staff_id: input.staff_id,
      }))
    )
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ dispute, refund }, ({ dispute, refund }) => ({ dispute, refund }))
    )
  }
)
