import type { KitStatus } from "@health/contracts"
import type { DashboardQueryType } from "./dashboard-query"
import { KIT_STATUS_LABELS } from "./dashboard-labels"
import { bounds, type Knex } from "./period-bounds"

/**
 * Kits ordered in the period by where they stand now, and the turnaround of the reports
 * first viewed in the period: hours from the order's first capture (paid) to the first
 * view of the kit's report, median and 90th percentile (continuous, in SQL).
 */
const KITS_SQL = `
with b as (select ?::timestamptz t0, ?::timestamptz t1),
statuses as (
  select k.status, count(*)::bigint kits from kit k, b
   where k.deleted_at is null and k.created_at >= b.t0 and k.created_at < b.t1
   group by 1
),
viewed as (
  select r.kit_id, min(r.viewed_at) viewed_at from lab_report r, b
   where r.deleted_at is null and r.viewed_at >= b.t0 and r.viewed_at < b.t1
   group by 1
),
turnaround as (
  select extract(epoch from v.viewed_at - paid.at) / 3600 hours
    from viewed v
    join kit k on k.id = v.kit_id and k.deleted_at is null
    cross join lateral (
      select min(cap.created_at) at from order_payment_collection opc
        join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
        join capture cap on cap.payment_id = p.id and cap.deleted_at is null
       where opc.order_id = k.order_id and opc.deleted_at is null
    ) paid
   where paid.at is not null
)
select
  (select coalesce(json_agg(json_build_object('status', status, 'kits', kits)
                            order by kits desc, status), '[]') from statuses) statuses,
  (select count(*) from turnaround)::bigint reports,
  (select round(percentile_cont(0.5) within group (order by hours)::numeric, 1) from turnaround) median_hours,
  (select round(percentile_cont(0.9) within group (order by hours)::numeric, 1) from turnaround) p90_hours`

const hoursOrNull = (value: unknown) => (value === null ? null : Number(value))

export async function kitFigures(knex: Knex, q: DashboardQueryType) {
  const {
    rows: [row],
  } = await knex.raw(KITS_SQL, bounds(q))
  const statuses = row.statuses as { status: KitStatus; kits: number }[]
  return {
    statuses: statuses.map((s) => ({
      status: s.status,
      label: KIT_STATUS_LABELS[s.status] ?? s.status,
      kits: Number(s.kits),
    })),
    turnaround: {
      reports: Number(row.reports),
      median_hours: hoursOrNull(row.median_hours),
      p90_hours: hoursOrNull(row.p90_hours),
    },
  }
}
