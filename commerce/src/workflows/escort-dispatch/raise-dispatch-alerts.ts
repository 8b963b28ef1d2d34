import type {
  IEventBusModuleService,
  INotificationModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DomainEvent } from "../../lib/events/domain-events"
import { NotificationChannel } from "../../notifications/channels"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { SOP_STEP_STATUS } from "../../modules/escort/types"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import {
  anomalyThresholdsFromEnv,
  dueAnomalies,
} from "../../modules/escort-dispatch/rules/anomalies"
import { phonesOnDuty } from "../../modules/escort-dispatch/rules/duty-roster"
import type { DispatchAlertRow } from "../../modules/escort-dispatch/types"

/** Bookings that can still go wrong: waiting for an escort or in service. */
const WATCHED = ["awaiting_escort", "accepted", "departed", "arrived", "accompanying"]

export const ALERT_KIND_LABELS: Record<DispatchAlertRow["kind"], string> = {
  not_accepted: "超时未接单",
  not_departed: "未按时出发",
  not_arrived: "未按时到达",
  no_progress: "长时间无进度",
  report: "陪诊员报备",
}

/**
 * The fallback on-duty mobiles (ESCORT_ONDUTY_PHONES, comma-separated, +86 form): texted
 * when nobody on the admin's roster is on duty at the moment.
 */
export const onDutyFallbackPhones = () =>
  (process.env.ESCORT_ONDUTY_PHONES ?? "")
    .split(",")
    .map((phone) => phone.trim())
    .filter(Boolean)

/**
 * Part of the dispatch sweep: raises each anomaly of each watched booking once (a unique
 * row per booking and kind), then texts the staff on duty now (the admin's roster, else
 * ESCORT_ONDUTY_PHONES) about alerts not texted yet, each alert once.
 * The SMS carries an idempotency key per alert and phone, so a retried sweep sends none twice.
 */
export async function raiseDispatchAlerts(container: MedusaContainer, now = new Date()) {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  const bookings = await escorts.listEscortBookings(
    { status: WATCHED },
    { select: ["id", "status", "service_date", "start_time", "city"], take: 500 }
  )
  const events = bookings.length
    ? await escorts.listEscortBookingEvents(
        { booking_id: bookings.map((booking) => booking.id) },
        { select: ["booking_id", "status", "created_at", "flagged"], order: { created_at: "ASC" } }
      )
    : []
  const limits = anomalyThresholdsFromEnv()
  let raised = 0
  const reports: string[] = []
  for (const booking of bookings) {
    const timeline = events.filter((event) => event.booking_id === booking.id)
    // An SOP step (挂号, 候诊, …) done during the service is progress too, not only a status change.
    const current = timeline.filter(
      (event) =>
        (event.status === booking.status || event.status === SOP_STEP_STATUS) && !event.flagged
    )
    const since = current.length ? new Date(current[current.length - 1].created_at) : now
    const due = dueAnomalies(
      {
        status: booking.status,
        service_date: booking.service_date,
        start_time: booking.start_time,
        status_since: since,
        reported: timeline.some((event) => event.flagged),
      },
      now,
      limits
    )
    for (const anomaly of due) {
      const row = await dispatch.raiseAlert({
        booking_id: booking.id,
        city: booking.city,
        ...anomaly,
      })
      if (!row) continue
      raised++
      if (row.kind === "report") reports.push(row.id)
    }
  }
  // A 报备 is an incident: it opens a case (subscribers/escort-case-open-from-report.ts).
  if (reports.length) {
    await container
      .resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      .emit(reports.map((id) => ({ name: DomainEvent.ESCORT_REPORT_RAISED, data: { id } })))
  }
  return { raised, texted: await textOnDutyStaff(container, now) }
}

async function textOnDutyStaff(container: MedusaContainer, now: Date) {
  const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  // Whoever the roster has on duty now (Beijing time), else the env list.
  const phones = phonesOnDuty(await dispatch.dutyRoster(), now, onDutyFallbackPhones())
  if (!phones.length) return 0
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const unsent = (await dispatch.alerts({ open: true })).filter((alert) => !alert.sms_sent_at)
  let texted = 0
  for (const alert of unsent) {
    try {
      for (const phone of phones) {
        await notifications.createNotifications({
          to: phone,
          channel: NotificationChannel.SMS,
          template: "escort-alert",
          data: {
            template: "escort-alert",
            params: {
              kind: ALERT_KIND_LABELS[alert.kind],
              city: alert.city,
              booking: alert.booking_id.slice(-8),
            },
          },
          idempotency_key: `escort-alert:${alert.id}:${phone}`,
        })
      }
      if (await dispatch.markAlertSms(alert.id)) texted++
    } catch (error) {
      // Left unmarked: the next sweep tries again (keys keep delivered texts from repeating).
      logger.warn(`[escort-dispatch] alert ${alert.id} not texted: ${(error as Error).message}`)
    }
  }
  return texted
}
