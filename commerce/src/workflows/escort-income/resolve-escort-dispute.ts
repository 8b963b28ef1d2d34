import AffiliateModule, {
  AFFILIATE_MODULE,
} from "@health/medusa-plugin-affiliate/modules/affiliate"
import { STORE_CREDIT_REFERENCE } from "@health/medusa-plugin-affiliate/workflows"
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
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"
import {
  DISPUTE_RESOLVED,
  disputeResolutionNote,
  recordDisputeEventStep,
} from "./record-dispute-event"

export type ResolveEscortDisputeInput = {
  dispute_id: string
  outcome: "release" | "refund"
  /** For `refund`: how much of the price goes back to the member, in fen. */
  refund_fen?: number
  note?: string | null
  staff_id: string
}

type AffiliateModuleService = InstanceType<(typeof AffiliateModule)["service"]>

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

type RefundOutcome = {
  through: "none" | "offline" | "provider" | "store_credit" | "provider_and_store_credit"
  fen: number
  /** Of `fen`: back through the payment providers, and back to the member's balance. */
  provider_fen: number
  store_credit_fen: number
}

type PaymentRow = {
  id: string
  amount: unknown
  captured_at?: Date | string | null
  refunds?: ({ amount: unknown; note?: string | null } | null)[] | null
}

const refundedFen = (payment: PaymentRow, note?: string) =>
  (payment.refunds ?? [])
    .filter((refund) => refund && (note === undefined || refund.note === note))
    .reduce((sum, refund) => sum + toFen(refund?.amount), 0)

const outcome = (providerFen: number, creditFen: number): RefundOutcome => ({
  through:
    providerFen && creditFen
      ? "provider_and_store_credit"
      : creditFen
        ? "store_credit"
        : "provider",
  fen: providerFen + creditFen,
  provider_fen: providerFen,
  store_credit_fen: creditFen,
})

/**
 * The member's money goes back through the order's captured payments (the provider refund
 * path the cancellation uses) and, for what the providers did not take (a booking paid
 * with store credit, wholly or partly), to the member's balance. A booking operations
 * marked paid by hand has no order: its refund is returned offline by finance, and the
 * answer says so. Retry-safe: provider refunds carry the dispute's note and count against
 * the total, and the balance is returned once per dispute (the affiliate ledger's key).
 */
const refundDisputedBookingStep = createStep(
  "refund-disputed-escort-booking",
  async (input: Decision & { staff_id: string }, { container }) => {
    const none = { through: "none", fen: 0, provider_fen: 0, store_credit_fen: 0 } as const
    if (input.refund_fen <= 0) return new StepResponse<RefundOutcome>({ ...none })
    if (!input.booking.order_id) {
      return new StepResponse<RefundOutcome>({ ...none, through: "offline", fen: input.refund_fen })
    }
    const note = `陪诊申诉退款 ${input.dispute.id}`
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "payment_collections.payments.id",
        "payment_collections.payments.amount",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.refunds.amount",
        "payment_collections.payments.refunds.note",
        "credit_lines.reference",
        "credit_lines.metadata",
      ],
      filters: { id: input.booking.order_id },
    })
    const order = data[0] as
      | {
          payment_collections?: ({ payments?: PaymentRow[] } | null)[] | null
          credit_lines?:
            | ({ reference?: string | null; metadata?: Record<string, unknown> | null } | null)[]
            | null
        }
      | undefined
    const payments = (order?.payment_collections ?? [])
      .flatMap((collection) => collection?.payments ?? [])
      .filter((payment): payment is PaymentRow => !!payment?.captured_at)
    // What this dispute already refunded through providers (a retried run) counts as done.
    const already = payments.reduce((sum, p) => sum + refundedFen(p, note), 0)
    const refundable = payments.reduce((sum, p) => sum + toFen(p.amount) - refundedFen(p), 0)
    const providerFen = Math.min(input.refund_fen, refundable + already)
    const creditFen = input.refund_fen - providerFen
    if (creditFen > 0) {
      const cartId =
        (order?.credit_lines ?? [])
          .filter((line) => line?.reference === STORE_CREDIT_REFERENCE)
          .map((line) => line?.metadata?.cart_id as string | undefined)
          .find(Boolean) ?? input.booking.cart_id
      if (!cartId) {
        throw invalid(
          `该订单通过支付渠道最多还可退 ¥${yuan(refundable + already)}，且没有余额抵扣可退回，请调整退款金额`
        )
      }
      // First, so an amount over what the balance paid is refused before any money moves.
      await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).returnStoreCredit({
        cart_id: cartId,
        reason_key: `escort-dispute:${input.dispute.id}`,
        amount: creditFen,
        note: `陪诊申诉退款，余额退回（${input.booking.service_name}）`,
      })
    }
    let left = providerFen - already
    for (const payment of payments) {
      if (left <= 0) break
      const fen = Math.min(left, toFen(payment.amount) - refundedFen(payment))
      if (fen <= 0) continue
      await refundPaymentWorkflow(container).run({
        input: { payment_id: payment.id, amount: yuan(fen), created_by: input.staff_id, note },
      })
      left -= fen
    }
    return new StepResponse<RefundOutcome>(outcome(providerFen, creditFen))
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
    recordDisputeEventStep(
      transform({ locked, input, refund }, ({ locked, input, refund }) => ({
        booking_id: locked.booking.id,
        status: DISPUTE_RESOLVED as typeof DISPUTE_RESOLVED,
        actor_type: "staff" as const,
        actor_id: input.staff_id,
        note: disputeResolutionNote({ outcome: input.outcome, refund, note: input.note ?? null }),
      }))
    )
    releaseLockStep({ key })
    publishEscortBookingChangeStep(bookingId)
    return new WorkflowResponse(
      transform({ dispute, refund }, ({ dispute, refund }) => ({ dispute, refund }))
    )
  }
)
