import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { AppointmentAction } from "../../modules/appointment/rules/appointment-status"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type AppointmentStatusChangedEvent,
} from "../../lib/events/domain-events"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import type { Actor } from "../../modules/appointment/types"
import { ensureOfflineOrderPaid } from "../orders/order-payment-state"
import { dropAppointmentReminderStep } from "./steps/appointment-reminder-steps"

export type ChangeAppointmentStatusInput = {
  appointment_id: string
  action: Exclude<AppointmentAction, "reschedule">
  actor: Actor
  /** Members act only on their own appointments; staff on any. */
  owner_id?: string
  /** Why it was cancelled, shown to the member. */
  reason?: string | null
}

const changeStatusStep = createStep(
  "change-appointment-status",
  async (input: ChangeAppointmentStatusInput, { container }) => {
    const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    // An order's collection is not confirmed, nor the sample taken, before finance has
    // the money of an offline order.
    if (input.action === "confirm" || input.action === "complete") {
      const [appointment] = await appointments.listAppointments(
        { id: input.appointment_id },
        { select: ["order_id"] }
      )
      await ensureOfflineOrderPaid(
        container,
        appointment?.order_id,
        input.action === "confirm" ? "确认预约" : "完成采样"
      )
    }
    const changed = await appointments.transitionAppointment(input.appointment_id, input.action, {
      ...input.actor,
      note: input.reason?.trim() || null,
      owner_id: input.owner_id,
    })
    return new StepResponse(changed)
  }
)

/**
 * Confirms or completes (staff) or cancels (member or staff) an appointment. A cancelled
 * or completed appointment needs no reminder; the member hears about what staff did.
 */
export const changeAppointmentStatusWorkflow = createWorkflow(
  "change-appointment-status",
  (input: ChangeAppointmentStatusInput) => {
    const changed = changeStatusStep(input)
    // A confirmed appointment keeps its reminder.
    when({ input }, ({ input }) => input.action !== "confirm").then(() => {
      dropAppointmentReminderStep(
        transform({ changed }, ({ changed }) => ({
          appointment_id: changed.appointment.id,
          date: changed.appointment.date,
          slot: changed.appointment.slot,
        }))
      )
    })
    emitEventStep({
      eventName: DomainEvent.APPOINTMENT_STATUS_CHANGED,
      options: DOMAIN_EVENT_OPTIONS,
      data: transform(
        { changed, input },
        ({ changed, input }): AppointmentStatusChangedEvent => ({
          appointment_id: changed.appointment.id,
          event_id: changed.event_id,
          status: changed.appointment.status,
          by_staff: input.actor.actor_type === "staff",
        })
      ),
    })
    return new WorkflowResponse(transform({ changed }, ({ changed }) => changed.appointment))
  }
)
