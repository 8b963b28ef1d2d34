import type { DashboardQueryType } from "./dashboard-query"
import { periodDays, type Knex } from "./period-bounds"

/** Appointments held (not cancelled) per collection site and slot on the period's days. */
const APPOINTMENTS_SQL = `
select a.site_id, max(a.site_name) site_name, a.slot, count(*)::bigint booked
  from appointment a
 where a.deleted_at is null and a.status <> 'cancelled' and a.date >= ? and a.date <= ?
 group by a.site_id, a.slot order by 2, 1, 3`

/** Places per slot of a site (from the CMS, else the default), for every day of the period. */
export type SlotCapacity = (siteId: string) => number

export async function appointmentUsage(knex: Knex, q: DashboardQueryType, perSlot: SlotCapacity) {
  const { rows } = await knex.raw(APPOINTMENTS_SQL, [q.from, q.to])
  const days = periodDays(q)
  return rows.map((r) => {
    const booked = Number(r.booked)
    const capacity = perSlot(String(r.site_id)) * days
    return {
      site_id: String(r.site_id),
      site_name: String(r.site_name),
      slot: String(r.slot),
      booked,
      capacity,
      /** booked / capacity in percent, one decimal; null when the site takes no bookings. */
      usage: capacity > 0 ? Math.round((booked * 1000) / capacity) / 10 : null,
    }
  })
}
