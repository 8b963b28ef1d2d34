import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import {
  ESCORT_BOOKING_STATUS_LABELS,
  type EscortBookingStatus,
} from "../../modules/escort/rules/escort-booking-status"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import {
  anomalyThresholdsFromEnv,
  dueAnomalies,
} from "../../modules/escort-dispatch/rules/anomalies"

/** Every status a booking is still under way in: the board's default view. */
export const UNDER_WAY_STATUSES: EscortBookingStatus[] = [
  "pending_payment",
  "awaiting_escort",
  "accepted",
  "departed",
  "arrived",
  "accompanying",
  "completed",
]

export type DispatchBoardInput = {
  statuses: EscortBookingStatus[]
  city: string | null
  late_only: boolean
  now?: string
}

/**
 * The dispatch board's rows: bookings by status and city with their escort's name, the
 * anomalies they show now (the rule the alert sweep uses: unaccepted, not departed, not
 * arrived, no progress) and their open alerts. No served person's data: a row opens the
 * booking's detail (audited) for that.
 */
const readDispatchBoardStep = createStep(
  "read-escort-dispatch-board",
  async (input: DispatchBoardInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const limits = anomalyThresholdsFromEnv()
    const rows = await escorts.boardBookings({ statuses: input.statuses, city: input.city })
    const escortIds = [...new Set(rows.map((row) => row.escort_id).filter(Boolean))] as string[]
    const names = new Map(
      (escortIds.length
        ? await escorts.listEscorts({ id: escortIds }, { select: ["id", "name", "phone"] })
        : []
      ).map((escort) => [escort.id, escort.name])
    )
    const openAlerts = await dispatch.alerts({ open: true, city: input.city ?? undefined })
    const alertsOf = new Map<string, number>()
    for (const alert of openAlerts) {
      alertsOf.set(alert.booking_id, (alertsOf.get(alert.booking_id) ?? 0) + 1)
    }
    const bookings = rows.map((row) => {
      const late = row.status_since
        ? dueAnomalies(
            {
              status: row.status,
              service_date: row.service_date,
              start_time: row.start_time,
              status_since: new Date(row.status_since),
              reported: false,
            },
            now,
            limits
          )
        : []
      return {
        id: row.id,
        status: row.status,
        status_label: ESCORT_BOOKING_STATUS_LABELS[row.status],
        service: { id: row.service_id, name: row.service_name },
        hospital: { id: row.hospital_id, name: row.hospital_name },
        department: row.department_name,
        city: row.city,
        date: row.service_date,
        time_window: { start: row.start_time, end: row.end_time },
        price_fen: Number(row.price_fen),
        escort: row.escort_id
          ? { id: row.escort_id, name: names.get(row.escort_id) ?? null }
          : null,
        status_since: row.status_since ? new Date(row.status_since).toISOString() : null,
        late,
        open_alerts: alertsOf.get(row.id) ?? 0,
        created_at: new Date(row.created_at).toISOString(),
      }
    })
    const shown = input.late_only
      ? bookings.filter((booking) => booking.late.length || booking.open_alerts)
      : bookings
    const counts: Record<string, number> = {}
    for (const booking of bookings) counts[booking.status] = (counts[booking.status] ?? 0) + 1
    return new StepResponse({ bookings: shown, counts })
  }
)

/** GET /admin/escort-bookings: the dispatch board's list. */
export const readDispatchBoardWorkflow = createWorkflow(
  "read-escort-dispatch-board",
  (input: DispatchBoardInput) => new WorkflowResponse(readDispatchBoardStep(input))
)
