import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import {
  ORDER_BUSINESS_STATE_LABELS,
  ORDER_PAYMENT_STATUS_LABELS,
  ORDER_USAGE_LABELS,
  USED_KIT_STATUSES,
  type OrderBusinessState,
  type OrderBusinessView,
  type OrderPaymentStatus,
  type OrderUsageState,
} from "@health/contracts"
import { OFFLINE_PAYMENT_PROVIDER } from "../payments/offline-payment-rule"

export type OrderBusinessFilters = {
  /** Only this member's orders (the store routes always set it). */
  customer_id?: string
  order_id?: string
  state?: OrderBusinessState
  usage?: OrderUsageState
  payment_status?: OrderPaymentStatus
  display_id?: number
  limit: number
  offset: number
}

type Row = {
  id: string
  display_id: number
  status: string
  email: string | null
  currency_code: string
  created_at: Date
  payment_status: OrderPaymentStatus
  payment_offline: boolean
  business_state: Exclude<OrderBusinessState, "open">
  kit_count: number
  used_kit_count: number
  usage_state: OrderUsageState | null
  count: string
}

/**
 * Every order with its business state, payment state and usage (已使用/未使用), computed
 * in SQL so filters and pages hold at any volume. The payment state follows
 * order-payment-state.ts (non-cancelled payments: all captured → captured); usage follows
 * the contracts' orderUsageOf (USED_KIT_STATUSES).
 */
const BUSINESS_SQL = `
  select o.id, o.display_id, o.status, o.email, o.currency_code, o.created_at, o.customer_id,
         case when o.status = 'canceled' then 'canceled'
              when coalesce(pay.live, 0) = 0 then 'not_paid'
              when pay.captured = pay.live then 'captured'
              else 'authorized' end as payment_status,
         coalesce(pay.offline, false) as payment_offline,
         case when o.status = 'canceled' then 'canceled'
              when o.status = 'completed' then 'completed'
              when coalesce(pay.live, 0) > 0 and pay.captured = pay.live then 'paid'
              else 'unpaid' end as business_state,
         coalesce(kits.live, 0)::int as kit_count,
         coalesce(kits.used, 0)::int as used_kit_count,
         case when coalesce(kits.live, 0) = 0 then null
              when kits.used = 0 then 'unused'
              when kits.used = kits.live then 'used'
              else 'partly_used' end as usage_state
    from "order" o
    left join lateral (
      select count(*) filter (where p.canceled_at is null) as live,
             count(*) filter (where p.canceled_at is null and p.captured_at is not null) as captured,
             bool_or(p.provider_id = :offline and p.canceled_at is null) as offline
        from order_payment_collection l
        join payment p on p.payment_collection_id = l.payment_collection_id and p.deleted_at is null
       where l.order_id = o.id and l.deleted_at is null
    ) pay on true
    left join lateral (
      select count(*) filter (where k.status <> 'cancelled') as live,
             count(*) filter (where k.status in (${USED_KIT_STATUSES.map((s) => `'${s}'`).join(", ")})) as used
        from kit k
       where k.order_id = o.id and k.deleted_at is null
    ) kits on true
   where o.deleted_at is null and o.is_draft_order = false`

/** One page of orders by business state, newest first, with the total count. */
export async function listOrdersByBusinessState(
  container: MedusaContainer,
  filters: OrderBusinessFilters
): Promise<{ orders: OrderBusinessView[]; count: number }> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const where: string[] = []
  const bindings: Record<string, unknown> = {
    offline: OFFLINE_PAYMENT_PROVIDER,
    limit: filters.limit,
    offset: filters.offset,
  }
  // The store routes' owner filter goes inside, so no other member's order is ever computed.
  let inner = BUSINESS_SQL
  if (filters.customer_id) {
    inner += " and o.customer_id = :customer_id"
    bindings.customer_id = filters.customer_id
  }
  if (filters.order_id) {
    inner += " and o.id = :order_id"
    bindings.order_id = filters.order_id
  }
  if (filters.display_id !== undefined) {
    inner += " and o.display_id = :display_id"
    bindings.display_id = filters.display_id
  }
  if (filters.state === "open") {
    where.push("b.business_state in ('unpaid', 'paid')")
  } else if (filters.state) {
    where.push("b.business_state = :state")
    bindings.state = filters.state
  }
  if (filters.usage) {
    where.push("b.usage_state = :usage")
    bindings.usage = filters.usage
  }
  if (filters.payment_status) {
    where.push("b.payment_status = :payment_status")
    bindings.payment_status = filters.payment_status
  }
  const { rows } = await knex.raw(
    `select b.*, count(*) over () as count from (${inner}) b
      ${where.length ? `where ${where.join(" and ")}` : ""}
      order by b.created_at desc, b.id desc
      limit :limit offset :offset`,
    bindings
  )
  const page = rows as Row[]
  const details = await orderDetails(
    container,
    page.map((row) => row.id)
  )
  return {
    count: page.length ? Number(page[0].count) : await countOnly(knex, inner, where, bindings),
    orders: page.map((row) => ({
      id: row.id,
      display_id: Number(row.display_id),
      status: row.status,
      business_state: row.business_state,
      business_state_label: ORDER_BUSINESS_STATE_LABELS[row.business_state],
      payment_status: row.payment_status,
      payment_status_label: ORDER_PAYMENT_STATUS_LABELS[row.payment_status],
      payment_offline: row.payment_offline,
      usage_state: row.usage_state,
      usage_label: row.usage_state ? ORDER_USAGE_LABELS[row.usage_state] : null,
      kit_count: row.kit_count,
      used_kit_count: row.used_kit_count,
      total_fen: details.get(row.id)?.total_fen ?? 0,
      currency_code: row.currency_code,
      created_at: new Date(row.created_at).toISOString(),
      email: row.email,
      items: details.get(row.id)?.items ?? [],
    })),
  }
}

/** A page past the end still says how many there are. */
async function countOnly(
  knex: { raw: (sql: string, bindings: Record<string, unknown>) => Promise<{ rows: unknown[] }> },
  inner: string,
  where: string[],
  bindings: Record<string, unknown>
): Promise<number> {
  const { rows } = await knex.raw(
    `select count(*) as count from (${inner}) b ${where.length ? `where ${where.join(" and ")}` : ""}`,
    bindings
  )
  return Number((rows[0] as { count: string }).count)
}

/** Totals (Medusa's computed total, yuan, turned into fen) and lines for one page of orders. */
async function orderDetails(container: MedusaContainer, ids: string[]) {
  const details = new Map<
    string,
    { total_fen: number; items: { title: string; quantity: number }[] }
  >()
  if (!ids.length) return details
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "total", "items.title", "items.product_title", "items.quantity"],
    filters: { id: ids },
  })
  for (const order of data as {
    id: string
    total: unknown
    items?: ({ title: string; product_title?: string | null; quantity: unknown } | null)[]
  }[]) {
    details.set(order.id, {
      // BigNumber arithmetic: yuan × 100 exactly, never through a float product.
      total_fen: MathBN.convert(MathBN.mult((order.total as never) ?? 0, 100), 0).toNumber(),
      items: (order.items ?? []).filter(Boolean).map((item) => ({
        title: item!.product_title ?? item!.title,
        quantity: Number(item!.quantity),
      })),
    })
  }
  return details
}
