import type { OrderPaymentStatus } from "@health/contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OFFLINE_PAYMENT_PROVIDER } from "../../lib/payments/offline-payment-rule"

/** Where an order's money stands, as the lab and customer-service pages show it (contracts). */
export type { OrderPaymentStatus }

export type OrderPaymentState = {
  payment_status: OrderPaymentStatus
  /** Paid (or to be paid) offline: finance confirms the money by capturing the payment. */
  payment_offline: boolean
}

type PaymentRow = {
  provider_id: string
  captured_at?: string | Date | null
  canceled_at?: string | Date | null
}

type OrderPayments = {
  id: string
  status?: string | null
  payment_collections?: ({ payments?: (PaymentRow | null)[] | null } | null)[] | null
}

/** The payment state of one order from its payments (pure, for the sweep and the gates). */
export function paymentStateOf(order: OrderPayments): OrderPaymentState {
  const payments = (order.payment_collections ?? [])
    .flatMap((collection) => collection?.payments ?? [])
    .filter((payment): payment is PaymentRow => !!payment && !payment.canceled_at)
  const payment_offline = payments.some((p) => p.provider_id === OFFLINE_PAYMENT_PROVIDER)
  if (order.status === "canceled") return { payment_status: "canceled", payment_offline }
  if (payments.length === 0) return { payment_status: "not_paid", payment_offline }
  const payment_status = payments.every((p) => p.captured_at) ? "captured" : "authorized"
  return { payment_status, payment_offline }
}

export const ORDER_PAYMENT_FIELDS = [
  "id",
  "status",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
]

/** The payment state of each order, by order id (orders that do not exist are left out). */
export async function orderPaymentStates(
  container: MedusaContainer,
  orderIds: (string | null | undefined)[]
): Promise<Map<string, OrderPaymentState>> {
  const ids = [...new Set(orderIds.filter((id): id is string => !!id))]
  if (!ids.length) return new Map()
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ORDER_PAYMENT_FIELDS,
    filters: { id: ids },
  })
  return new Map(
    (data as unknown as OrderPayments[]).map((order) => [order.id, paymentStateOf(order)])
  )
}

/** Whether an order waits for finance to confirm its offline payment. */
export const awaitsOfflinePayment = (state: OrderPaymentState | undefined) =>
  !!state && state.payment_offline && state.payment_status === "authorized"

/**
 * Nothing leaves the shop for an offline order before finance has the money: refuses
 * (409, zh-CN) while the order's offline payment is not confirmed. `what` is what staff
 * tried, e.g. "发货".
 */
export async function ensureOfflineOrderPaid(
  container: MedusaContainer,
  orderId: string | null | undefined,
  what: string
): Promise<void> {
  if (!orderId) return
  const state = (await orderPaymentStates(container, [orderId])).get(orderId)
  if (awaitsOfflinePayment(state)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `该订单为线下付款，财务确认收款前不能${what}`)
  }
}
