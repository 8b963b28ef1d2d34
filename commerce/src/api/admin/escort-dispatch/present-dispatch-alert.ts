import type { DispatchAlertRow } from "../../../modules/escort-dispatch/types"
import { ALERT_KIND_LABELS } from "../../../workflows/escort-dispatch/raise-dispatch-alerts"

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/** An alert as the admin's dispatch board shows it. */
export function presentDispatchAlert(row: DispatchAlertRow) {
  return {
    id: row.id,
    booking_id: row.booking_id,
    kind: row.kind,
    kind_label: ALERT_KIND_LABELS[row.kind],
    city: row.city,
    message: row.message,
    raised_at: iso(row.created_at),
    sms_sent_at: iso(row.sms_sent_at),
    resolved_at: iso(row.resolved_at),
    resolved_by: row.resolved_by,
    resolution_note: row.resolution_note,
  }
}
