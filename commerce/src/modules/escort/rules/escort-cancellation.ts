import type { EscortBookingStatus } from "./escort-booking-status"

/**
 * 陪诊 cancellation by time before the service starts (issue #20 item 2). Defaults, each
 * overridable by env (see escortCancellationPolicyFromEnv):
 * - at least `free_hours` (24) before the start: free, the whole price is refunded;
 * - at least `fee_hours` (2) before: `fee_percent` (20%) of the price is kept as a fee;
 * - less than `fee_hours` before, or once the escort has set out (已出发 and later): no refund.
 * An unpaid booking (待支付) is simply cancelled; a finished one cannot be.
 */
export type EscortCancellationPolicy = {
  free_hours: number
  fee_hours: number
  fee_percent: number
}

export const DEFAULT_ESCORT_CANCELLATION_POLICY: EscortCancellationPolicy = {
  free_hours: 24,
  fee_hours: 2,
  fee_percent: 20,
}

export type EscortCancellationBand = "unpaid" | "free" | "fee" | "none"

export type EscortCancellation = {
  band: EscortCancellationBand
  refund_fen: number
  fee_fen: number
  /** Why, in Chinese, for the booking's timeline. */
  note: string
}

const PAID_NOT_STARTED: EscortBookingStatus[] = ["awaiting_escort", "accepted"]
const UNDER_WAY: EscortBookingStatus[] = ["departed", "arrived", "accompanying"]

/** The moment a booking's service starts: its Beijing date and start time. */
export function escortServiceStart(serviceDate: string, startTime: string): Date {
  return new Date(`${serviceDate}T${startTime}:00+08:00`)
}

/** What cancelling now refunds, or a Chinese refusal when the booking cannot be cancelled. */
export function escortCancellation(
  booking: { status: EscortBookingStatus; price_fen: number; starts_at: Date },
  now: Date,
  policy: EscortCancellationPolicy = DEFAULT_ESCORT_CANCELLATION_POLICY
): EscortCancellation | { refusal: string } {
  const price = booking.price_fen
  if (booking.status === "pending_payment") {
    return { band: "unpaid", refund_fen: 0, fee_fen: 0, note: "未支付，订单已取消" }
  }
  if (UNDER_WAY.includes(booking.status)) {
    return { band: "none", refund_fen: 0, fee_fen: price, note: "陪诊员已出发，取消不退款" }
  }
  if (!PAID_NOT_STARTED.includes(booking.status)) {
    return { refusal: "服务已完成或订单已结束，不能取消" }
  }
  const hoursLeft = (booking.starts_at.getTime() - now.getTime()) / 3_600_000
  if (hoursLeft >= policy.free_hours) {
    return {
      band: "free",
      refund_fen: price,
      fee_fen: 0,
      note: `距服务开始超过 ${policy.free_hours} 小时，全额退款`,
    }
  }
  if (hoursLeft >= policy.fee_hours) {
    // Integer fen: the fee rounds down, in the member's favour.
    const fee = Math.floor((price * policy.fee_percent) / 100)
    return {
      band: "fee",
      refund_fen: price - fee,
      fee_fen: fee,
      note: `距服务开始不足 ${policy.free_hours} 小时，收取 ${policy.fee_percent}% 取消费`,
    }
  }
  return {
    band: "none",
    refund_fen: 0,
    fee_fen: price,
    note: `距服务开始不足 ${policy.fee_hours} 小时，取消不退款`,
  }
}

const envNumber = (name: string, fallback: number, max: number) => {
  const value = Number(process.env[name])
  return process.env[name] && Number.isFinite(value) && value >= 0 && value <= max
    ? value
    : fallback
}

/** ESCORT_CANCEL_FREE_HOURS, ESCORT_CANCEL_FEE_HOURS, ESCORT_CANCEL_FEE_PERCENT over the defaults. */
export function escortCancellationPolicyFromEnv(): EscortCancellationPolicy {
  const d = DEFAULT_ESCORT_CANCELLATION_POLICY
  return {
    free_hours: envNumber("ESCORT_CANCEL_FREE_HOURS", d.free_hours, 24 * 30),
    fee_hours: envNumber("ESCORT_CANCEL_FEE_HOURS", d.fee_hours, 24 * 30),
    fee_percent: envNumber("ESCORT_CANCEL_FEE_PERCENT", d.fee_percent, 100),
  }
}

/** How long a booking may wait for payment before it is cancelled: ESCORT_PAYMENT_MINUTES, 30. */
export function escortPaymentMinutes(): number {
  return envNumber("ESCORT_PAYMENT_MINUTES", 30, 24 * 60) || 30
}
