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
  completeOrderWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import type { KitStatus } from "../../lib/kits/kit-status"
import { orderAutoCompleteDays, orderCompletionDue } from "./order-completion"
import { ORDER_PAYMENT_FIELDS, paymentStateOf } from "./order-payment-state"

export type CompleteFinishedOrderInput = { order_id: string; now: string; days: number }

type KitFact = { status: KitStatus; report_ready_at: Date | string | null }

/** Read under the lock: another run may have completed it, or a kit moved meanwhile. */
const loadOrderCompletionStep = createStep(
  "load-order-completion",
  async (input: CompleteFinishedOrderInput, { container }) => {
    const {
      data: [order],
    } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [...ORDER_PAYMENT_FIELDS, "fulfillments.delivered_at", "fulfillments.canceled_at"],
      filters: { id: input.order_id },
    })
    if (!order) return new StepResponse(false)
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const kits = (
      await knex.raw(
        `select k.status,
                (select max(e.created_at) from kit_event e
                  where e.kit_id = k.id and e.status = 'report_ready' and e.deleted_at is null)
                  as report_ready_at
           from kit k where k.order_id = ? and k.deleted_at is null`,
        [input.order_id]
      )
    ).rows as KitFact[]
    type Fulfillment = { delivered_at?: string | null; canceled_at?: string | null } | null
    const fulfillments = (order.fulfillments ?? []) as Fulfillment[]
    const due = orderCompletionDue(
      {
        status: order.status as string,
        paid: paymentStateOf(order as never).payment_status === "captured",
        kits: kits.map((kit) => ({
          status: kit.status,
          report_ready_at: kit.report_ready_at ? new Date(kit.report_ready_at) : null,
        })),
        delivered: fulfillments.some((f) => !!f?.delivered_at && !f.canceled_at),
      },
      new Date(input.now),
      input.days
    )
    return new StepResponse(due)
  }
)

/**
 * Completes one order whose business is done (order-completion.ts) with Medusa's
 * completeOrderWorkflow; its order.completed event matures the affiliate commissions.
 * The per-order lock and the check under it make the report-viewed subscriber and the
 * daily sweep, or two workers, complete it once.
 */
export const completeFinishedOrderWorkflow = createWorkflow(
  "complete-finished-order",
  (input: CompleteFinishedOrderInput) => {
    const key = transform({ input }, ({ input }) => `complete-order:${input.order_id}`)
    acquireLockStep({ key, timeout: 10, ttl: 120 })
    const due = loadOrderCompletionStep(input)
    when({ due }, ({ due }) => due).then(() => {
      completeOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ orderIds: [input.order_id] })),
      })
    })
    releaseLockStep({ key })
    return new WorkflowResponse(due)
  }
)

/**
 * Open orders that may be done: every live kit has its report out (viewed or not), or,
 * without kits, a delivered fulfilment. The workflow decides each one exactly.
 */
async function ordersThatMayBeDone(container: MedusaContainer): Promise<string[]> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select o.id from "order" o
      where o.status = 'pending' and o.deleted_at is null and o.is_draft_order = false
        and (
          (exists (select 1 from kit k where k.order_id = o.id and k.deleted_at is null
                     and k.status in ('report_ready', 'delivered'))
           and not exists (select 1 from kit k where k.order_id = o.id and k.deleted_at is null
                     and k.status not in ('report_ready', 'delivered', 'cancelled')))
          or
          (not exists (select 1 from kit k where k.order_id = o.id and k.deleted_at is null)
           and exists (select 1 from order_fulfillment l
                         join fulfillment f on f.id = l.fulfillment_id
                        where l.order_id = o.id and l.deleted_at is null
                          and f.delivered_at is not null and f.canceled_at is null))
        )
      order by o.created_at`
  )
  return (rows as { id: string }[]).map((row) => row.id)
}

/** Tries one order now (the report-viewed subscriber); true when it completed it. */
export async function completeOrderIfFinished(
  container: MedusaContainer,
  orderId: string,
  now = new Date(),
  days = orderAutoCompleteDays()
): Promise<boolean> {
  const { result } = await completeFinishedOrderWorkflow(container).run({
    input: { order_id: orderId, now: now.toISOString(), days },
  })
  return result
}

/**
 * The daily sweep: completes every order done by now, reports viewed or out for
 * `ORDER_AUTO_COMPLETE_DAYS`. One order that fails is logged and does not stop the others.
 */
export async function completeFinishedOrders(
  container: MedusaContainer,
  now = new Date(),
  days = orderAutoCompleteDays()
): Promise<{ completed: string[] }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const completed: string[] = []
  for (const orderId of await ordersThatMayBeDone(container)) {
    try {
      if (await completeOrderIfFinished(container, orderId, now, days)) completed.push(orderId)
    } catch (error) {
      logger.warn(`Order ${orderId} could not be completed: ${(error as Error).message}`)
    }
  }
  return { completed }
}
