import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QueueName } from "../../../lib/queue/queue-names"
import { QUEUE_MODULE } from "../../../modules/queue"
import type QueueModuleService from "../../../modules/queue/service"
import {
  AppointmentJob,
  type AppointmentStatusNoticeJob,
  type ClinicPromotedJob,
} from "../../../queues/appointments-queue"

/** Tells the member what staff did to their appointment (members know what they did). */
export const notifyAppointmentStatusStep = createStep(
  "notify-appointment-status",
  async (input: AppointmentStatusNoticeJob & { by_staff: boolean }, { container }) => {
    if (!input.by_staff) return new StepResponse(null)
    await container
      .resolve<QueueModuleService>(QUEUE_MODULE)
      .enqueue<AppointmentStatusNoticeJob>(
        QueueName.APPOINTMENTS,
        AppointmentJob.STATUS_NOTICE,
        { appointment_id: input.appointment_id, event_id: input.event_id },
        { jobId: `appt-status-${input.event_id}` }
      )
    return new StepResponse(input.event_id)
  }
)

/** Tells each member promoted from a waitlist that they now have a place. */
export const notifyClinicPromotionsStep = createStep(
  "notify-clinic-promotions",
  async (signupIds: string[], { container }) => {
    const queue = container.resolve<QueueModuleService>(QUEUE_MODULE)
    for (const signup_id of signupIds) {
      await queue.enqueue<ClinicPromotedJob>(
        QueueName.APPOINTMENTS,
        AppointmentJob.CLINIC_PROMOTED,
        { signup_id },
        { jobId: `clinic-promoted-${signup_id}` }
      )
    }
    return new StepResponse(signupIds)
  }
)
