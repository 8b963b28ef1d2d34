import { DISPATCH_MESSAGES as M } from "./dispatch-messages"

/** A row of GET /admin/escort-bookings. */
export type BoardBooking = {
  id: string
  status: string
  status_label: string
  service: { id: string; name: string }
  hospital: { id: string | null; name: string }
  department: string
  city: string
  date: string
  time_window: { start: string; end: string }
  price_fen: number
  escort: { id: string; name: string | null } | null
  status_since: string | null
  late: { kind: string; message: string }[]
  open_alerts: number
  created_at: string
}

export type BoardFilter = { status: string; city: string; lateOnly: boolean }

/** The list route's query for the board's filter. */
export function boardQuery({ status, city, lateOnly }: BoardFilter): string {
  const params = new URLSearchParams({ status })
  if (city.trim()) params.set("city", city.trim())
  if (lateOnly) params.set("late", "1")
  return `/admin/escort-bookings?${params.toString()}`
}

/** Late or with an open alert: the board marks the row red; unaccepted tasks amber. */
export function rowTone(row: BoardBooking): "late" | "waiting" | null {
  if (row.late.length || row.open_alerts) return "late"
  if (row.status === "awaiting_escort") return "waiting"
  return null
}

/** What the row's 异常 column says: the anomalies, then how many alerts wait. */
export function lateText(row: BoardBooking): string {
  const parts = row.late.map((late) => late.message)
  if (row.open_alerts) parts.push(`${row.open_alerts} 条告警待处理`)
  return parts.join("；") || "—"
}

/** The tab's label with its count ("待接单 (3)"); the 全部 tabs show none. */
export function statusTabLabel(status: string, counts: Record<string, number>): string {
  const label = M.statusTabs[status as keyof typeof M.statusTabs] ?? status
  const n = counts[status]
  return n ? `${label} (${n})` : label
}

/** Assigning a 待接单 task, reassigning an accepted one; other states cannot be. */
export function assignAction(status: string): "assign" | "reassign" | null {
  if (status === "awaiting_escort") return "assign"
  if (status === "accepted") return "reassign"
  return null
}
