import type { DashboardQueryType } from "./dashboard-query"
import { CONVERSION_STEP_LABELS, NO_VISIT_DATA, type ConversionStep } from "./dashboard-labels"
import { bounds, type Knex } from "./period-bounds"

/**
 * The carts created in the period, followed through: how many started paying (a payment
 * collection), became orders, and had money captured. A cohort, so each step is a subset
 * of the one before.
 */
const CONVERSION_SQL = `
with carts as (
  select c.id from cart c
   where c.deleted_at is null and c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
),
orders as (
  select distinct oc.order_id from order_cart oc
    join carts on carts.id = oc.cart_id
    join "order" o on o.id = oc.order_id and o.deleted_at is null
   where oc.deleted_at is null
)
select
  (select count(*) from carts)::bigint carts,
  (select count(distinct cp.cart_id) from cart_payment_collection cp
     join carts on carts.id = cp.cart_id where cp.deleted_at is null)::bigint checkouts,
  (select count(*) from orders)::bigint orders,
  (select count(*) from orders where exists (
     select 1 from order_payment_collection opc
       join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
       join capture cap on cap.payment_id = p.id and cap.deleted_at is null
      where opc.order_id = orders.order_id and opc.deleted_at is null))::bigint paid`

export type ConversionStepFigure = {
  step: ConversionStep
  label: string
  /** null: no data is recorded for this step (see note), which is not zero. */
  count: number | null
  note?: string
}

export async function conversionFunnel(
  knex: Knex,
  q: DashboardQueryType
): Promise<ConversionStepFigure[]> {
  const {
    rows: [row],
  } = await knex.raw(CONVERSION_SQL, bounds(q))
  const step = (name: Exclude<ConversionStep, "visits">) => ({
    step: name,
    label: CONVERSION_STEP_LABELS[name],
    count: Number(row[name]),
  })
  return [
    { step: "visits", label: CONVERSION_STEP_LABELS.visits, count: null, note: NO_VISIT_DATA },
    step("carts"),
    step("checkouts"),
    step("orders"),
    step("paid"),
  ]
}
