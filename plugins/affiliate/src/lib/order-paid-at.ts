import type { BigNumberInput } from "@medusajs/framework/types"
import { toFen } from "./money"

type DateLike = Date | string

export type PaymentForPaidAt = {
  captured_at?: DateLike | null
  canceled_at?: DateLike | null
}

export type OrderForPaidAt = {
  created_at: DateLike
  total: BigNumberInput
  payment_collections?: ({ payments?: (PaymentForPaidAt | null)[] | null } | null)[] | null
}

/**
 * When an order was paid, or null while it is not. Medusa sets a payment's `captured_at`
 * only once it is fully captured: WeChat Pay at placement, an offline (岳阳) payment when
 * staff capture it. Every live payment must be captured; an order the member's balance
 * paid entirely has no payment and counts as paid when placed.
 */
export function orderPaidAt(order: OrderForPaidAt): Date | null {
  const payments = (order.payment_collections ?? [])
    .flatMap((collection) => collection?.payments ?? [])
    .filter((payment): payment is PaymentForPaidAt => !!payment && !payment.canceled_at)
  if (!payments.length) return toFen(order.total) <= 0 ? new Date(order.created_at) : null
  if (payments.some((payment) => !payment.captured_at)) return null
  const times = payments.map((payment) => new Date(payment.captured_at!).getTime())
  return new Date(Math.max(...times))
}
