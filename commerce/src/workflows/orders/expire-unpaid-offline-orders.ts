import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrderWorkflow,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type OfflineOrderExpiredEvent,
} from "../../lib/events/domain-events"
import { OFFLINE_PAYMENT_PROVIDER } from "../../lib/payments/offline-payment-rule"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import { APPOINTMENT_TRANSITIONS } from "../../modules/appointment/rules/appointment-status"
import type AppointmentModuleService from "../../modules/appointment/service"
import { changeAppointmentStatusWorkflow } from "../appointments/change-appointment-status"
import { awaitsOfflinePayment, ORDER_PAYMENT_FIELDS, paymentStateOf } from "./order-payment-state"

const DEFAULT_EXPIRY_HOURS = 72

/** How long an offline order may wait for finance to confirm its money (OFFLINE_ORDER_EXPIRY_HOURS). */
export function offlineOrderExpiryHours(): number {
  const hours = Number(process.env.OFFLINE_ORDER_EXPIRY_HOURS)
  return Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_EXPIRY_HOURS
}

export type ExpireUnpaidOfflineOrderInput = { order_id: string; now: string; hours: number }

type ExpiringOrder = {
  expire: boolean
  order_id: string
  display_id: number | null
  customer_id: string | null
}

/** Looked at again under the lock: finance may have confirmed it, or another worker cancelled it. */
const loadExpiringOrderStep = createStep(
  "load-expiring-offline-order",
  async (input: ExpireUnpaidOfflineOrderInput, { container }) => {
    const {
      data: [order],
    } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [...ORDER_PAYMENT_FIELDS, "display_id", "customer_id", "created_at"],
      filters: { id: input.order_id },
    })
    const cutoff = Date.parse(input.now) - input.hours * 3600_000
    const expire =
      !!order &&
      order.status !== "canceled" &&
      awaitsOfflinePayment(paymentStateOf(order as never)) &&
      new Date(order.created_at as string | Date).getTime() <= cutoff
    return new StepResponse<ExpiringOrder>({
      expire,
      order_id: input.order_id,
      // Query's generated types (in `medusa build`) call it a string; the column is a number.
      display_id: order?.display_id == null ? null : Number(order.display_id),
      customer_id: (order?.customer_id as string | undefined) ?? null,
    })
  }
)

/**
 * Frees the order's collection slot with the reason the member reads. Runs after the
 * order is cancelled, so nothing is left to undo: the order.canceled subscriber then
 * finds the appointment cancelled and leaves it alone.
 */
const cancelOrderCollectionStep = createStep(
  "cancel-expired-order-collection",
  async (input: { order_id: string; reason: string }, { container }) => {
    const appointments = await container
      .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
      .listAppointments({ order_id: input.order_id }, { select: ["id", "status"] })
    const open = new Set<string>(APPOINTMENT_TRANSITIONS.cancel.from)
    const cancelled: string[] = []
    for (const appointment of appointments) {
      if (!open.has(appointment.status)) continue
      await changeAppointmentStatusWorkflow(container).run({
        input: {
          appointment_id: appointment.id,
          action: "cancel",
          actor: { actor_type: "system" },
          reason: input.reason,
        },
      })
      cancelled.push(appointment.id)
    }
    return new StepResponse(cancelled)
  }
)

/**
 * Cancels one offline order whose payment finance has not confirmed within `hours`:
 * Medusa's cancel (the authorised manual payment is cancelled; order.canceled voids the
 * kits and reverses commissions), the collection slot freed, the member told. The lock
 * and the check under it make two workers, or a replay, cancel it once.
 */
export const expireUnpaidOfflineOrderWorkflow = createWorkflow(
  "expire-unpaid-offline-order",
  (input: ExpireUnpaidOfflineOrderInput) => {
    const key = transform({ input }, ({ input }) => `expire-offline-order:${input.order_id}`)
    acquireLockStep({ key, timeout: 10, ttl: 120 })
    const order = loadExpiringOrderStep(input)
    when({ order }, ({ order }) => order.expire).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ order_id: input.order_id })),
      })
      cancelOrderCollectionStep(
        transform({ input }, ({ input }) => ({
          order_id: input.order_id,
          reason: `超过 ${input.hours} 小时未确认线下付款，订单已自动取消`,
        }))
      )
      emitEventStep({
        eventName: DomainEvent.OFFLINE_ORDER_EXPIRED,
        options: DOMAIN_EVENT_OPTIONS,
        data: transform(
          { order, input },
          ({ order, input }): OfflineOrderExpiredEvent => ({
            order_id: order.order_id,
            display_id: order.display_id,
            customer_id: order.customer_id,
            hours: input.hours,
          })
        ),
      })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ order }, ({ order }) => order.expire))
  }
)

/** Orders placed before `cutoff` with an offline payment nobody has captured or cancelled. */
async function staleOfflineOrders(container: MedusaContainer, cutoff: Date): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection_id"],
    filters: { provider_id: OFFLINE_PAYMENT_PROVIDER, captured_at: null, canceled_at: null },
  })
  const collectionIds = [
    ...new Set(payments.map((payment) => payment.payment_collection_id as string)),
  ]
  if (!collectionIds.length) return []
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionIds },
  })
  if (!links.length) return []
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: {
      id: [...new Set(links.map((link) => link.order_id as string))],
      created_at: { $lte: cutoff },
      status: { $ne: "canceled" },
    },
  })
  return orders.map((order) => order.id as string)
}

/**
 * The scheduled sweep: every offline order still unpaid `OFFLINE_ORDER_EXPIRY_HOURS`
 * after it was placed is cancelled. Returns the orders it cancelled; one order that
 * cannot be cancelled is logged and does not stop the others.
 */
export async function expireUnpaidOfflineOrders(
  container: MedusaContainer,
  now = new Date(),
  hours = offlineOrderExpiryHours()
): Promise<{ expired: string[] }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const expired: string[] = []
  const cutoff = new Date(now.getTime() - hours * 3600_000)
  for (const orderId of await staleOfflineOrders(container, cutoff)) {
    try {
      const { result } = await expireUnpaidOfflineOrderWorkflow(container).run({
        input: { order_id: orderId, now: now.toISOString(), hours },
      })
      if (result) expired.push(orderId)
    } catch (error) {
      logger.warn(`Offline order ${orderId} could not be expired: ${(error as Error).message}`)
    }
  }
  return { expired }
}
