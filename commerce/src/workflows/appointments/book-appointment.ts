import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import type { Actor, AppointmentRow, NewAppointment } from "../../modules/appointment/types"
import { scheduleAppointmentReminderStep } from "./steps/appointment-reminder-steps"
import { resolveCollectionSiteStep } from "./steps/resolve-collection-site-step"

export type BookAppointmentInput = {
  customer_id: string
  site_id: string
  date: string
  slot: string
  person_name?: string | null
  person_phone?: string | null
  order_id?: string | null
  kit_id?: string | null
  /** The order's appointment if it has one already (see NewAppointment.once_per_order). */
  once_per_order?: boolean
  actor?: Actor
}

const createAppointmentStep = createStep(
  "create-appointment",
  async (input: { booking: NewAppointment; actor: Actor }, { container }) => {
    const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    const created = await appointments.bookAppointment(input.booking, input.actor)
    // An appointment found rather than made is not this run's to take back.
    return new StepResponse(created, created.already_booked ? undefined : created.id)
  },
  async (id, { container }) => {
    if (id)
      await container
        .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
        .softDeleteAppointments(id)
  }
)

/** Books a place at a collection site for a day and slot, and schedules the reminder. */
export const bookAppointmentWorkflow = createWorkflow(
  "book-appointment",
  (input: BookAppointmentInput) => {
    const resolved = resolveCollectionSiteStep(
      transform({ input }, ({ input }) => ({
        site_id: input.site_id,
        date: input.date,
        slot: input.slot,
      }))
    )
    const created = createAppointmentStep(
      transform({ input, resolved }, ({ input, resolved }) => ({
        booking: {
          customer_id: input.customer_id,
          site: resolved.site,
          capacity: resolved.capacity,
          date: input.date,
          slot: input.slot,
          order_id: input.order_id ?? null,
          kit_id: input.kit_id ?? null,
          person: { name: input.person_name, phone: input.person_phone },
          once_per_order: input.once_per_order ?? false,
        },
        actor: input.actor ?? { actor_type: "customer" as const, actor_id: input.customer_id },
      }))
    )
    scheduleAppointmentReminderStep(
      transform({ created }, ({ created }: { created: AppointmentRow }) => ({
        appointment_id: created.id,
        date: created.date,
        slot: created.slot,
      }))
    )
    return new WorkflowResponse(created)
  }
)
