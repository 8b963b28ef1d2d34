import type { DispatchAlertKind } from "../types"

/** How long each step may take before operations are alerted (minutes; env overrides). */
export type AnomalyThresholds = {
  /** Paid (待接单) and nobody accepted it for this long: ESCORT_ALERT_UNACCEPTED_MINUTES. */
  unaccepted: number
  /** The escort should have set out this long before the start: ESCORT_ALERT_DEPART_LEAD_MINUTES. */
  departLead: number
  /** At the hospital or accompanying with no step for this long: ESCORT_ALERT_NO_PROGRESS_MINUTES. */
  noProgress: number
}

export const anomalyThresholdsFromEnv = (env = process.env): AnomalyThresholds => ({
  unaccepted: Number(env.ESCORT_ALERT_UNACCEPTED_MINUTES || 30),
  departLead: Number(env.ESCORT_ALERT_DEPART_LEAD_MINUTES || 60),
  noProgress: Number(env.ESCORT_ALERT_NO_PROGRESS_MINUTES || 120),
})

/** What the rule needs of a booking in service and its timeline. */
export type WatchedBooking = {
  status: string
  service_date: string
  start_time: string
  /** When it entered its current status (its latest step's event). */
  status_since: Date
  /** A 报备 was raised on it. */
  reported: boolean
}

/** The service's start as an instant: a Beijing date and time (UTC+8, no DST). */
export const serviceStart = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`)

const MINUTE = 60_000

/** The anomalies a booking shows at `now` (issue #20 item 7), with a Chinese message each. */
export function dueAnomalies(
  booking: WatchedBooking,
  now: Date,
  limits: AnomalyThresholds
): { kind: DispatchAlertKind; message: string }[] {
  const due: { kind: DispatchAlertKind; message: string }[] = []
  const start = serviceStart(booking.service_date, booking.start_time).getTime()
  const since = booking.status_since.getTime()
  const at = `${booking.service_date} ${booking.start_time}`
  if (booking.status === "awaiting_escort" && now.getTime() - since >= limits.unaccepted * MINUTE) {
    due.push({ kind: "not_accepted", message: `已付款超过 ${limits.unaccepted} 分钟仍无人接单` })
  }
  if (booking.status === "accepted" && now.getTime() >= start - limits.departLead * MINUTE) {
    due.push({ kind: "not_departed", message: `服务 ${at} 开始，陪诊员仍未出发` })
  }
  if ((booking.status === "accepted" || booking.status === "departed") && now.getTime() >= start) {
    due.push({ kind: "not_arrived", message: `服务已于 ${at} 开始，陪诊员仍未到达` })
  }
  if (
    (booking.status === "arrived" || booking.status === "accompanying") &&
    now.getTime() - since >= limits.noProgress * MINUTE
  ) {
    due.push({ kind: "no_progress", message: `服务中超过 ${limits.noProgress} 分钟没有进度更新` })
  }
  if (booking.reported) due.push({ kind: "report", message: "陪诊员发起了报备，请尽快处理" })
  return due
}
