import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type AppointmentStatusChangedEvent,
} from "../../lib/events/domain-events"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import type { Actor, AppointmentRow } from "../../modules/appointment/types"
import {
  dropAppointmentReminderStep,
  scheduleAppointmentReminderStep,
} from "./steps/appointment-reminder-steps"
import { resolveCollectionSiteStep } from "./steps/resolve-collection-site-step"

export type RescheduleAppointmentInput = {
  appointment_id: string
  date: string
  slot: string
  actor: Actor
  /** Members reschedule only their own appointments; staff any. */
  owner_id?: string
}

const appointmentsOf = (container: { resolve<T>(key: string): T }) =>
  container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)

const findAppointmentStep = createStep(
  "find-appointment",
  async (input: { appointment_id: string; owner_id?: string }, { container }) =>
    new StepResponse(
      await appointmentsOf(container).ownedAppointment(input.appointment_id, input.owner_id)
    )
)

const moveAppointmentStep = createStep(
  "move-appointment",
  async (input: RescheduleAppointmentInput & { capacity: number }, { container }) => {
    const moved = await appointmentsOf(container).rescheduleAppointment(
      input.appointment_id,
      { date: input.date, slot: input.slot, capacity: input.capacity, owner_id: input.owner_id },
      input.actor
    )
    return new StepResponse(moved, moved.previous)
  },
  async (previous, { container }) => {
    if (previous) await appointmentsOf(container).restoreAppointment(previous)
  }
)

/** Moves an appointment to another day or slot of its site; the reminder moves with it. */
export const rescheduleAppointmentWorkflow = createWorkflow(
  "reschedule-appointment",
  (input: RescheduleAppointmentInput) => {
    const current = findAppointmentStep(input)
    const resolved = resolveCollectionSiteStep(
      transform(
        { input, current },
        ({ input, current }: { input: RescheduleAppointmentInput; current: AppointmentRow }) => ({
          site_id: current.site_id,
          date: input.date,
          slot: input.slot,
        })
      )
    )
    const moved = moveAppointmentStep(
      transform({ input, resolved }, ({ input, resolved }) => ({
        ...input,
        capacity: resolved.capacity,
      }))
    )
    dropAppointmentReminderStep(
      transform({ moved }, ({ moved }) => ({
        appointment_id: moved.previous.id,
        date: moved.previous.date,
        slot: moved.previous.slot,
      }))
    )
    scheduleAppointmentReminderStep(
      transform({ moved }, ({ moved }) => ({
        appointment_id: moved.appointment.id,
        date: moved.appointment.date,
        slot: moved.appointment.slot,
      }))
    )
    emitEventStep({
      eventName: DomainEvent.APPOINTMENT_STATUS_CHANGED,
      options: DOMAIN_EVENT_OPTIONS,
      data: transform(
        { moved, input },
        ({ moved, input }): AppointmentStatusChangedEvent => ({
          appointment_id: moved.appointment.id,
          event_id: moved.event_id,
          status: "rescheduled",
          by_staff: input.actor.actor_type === "staff",
        })
      ),
    })
    return new WorkflowResponse(transform({ moved }, ({ moved }) => moved.appointment))
  }
)
