import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  AppointmentJob,
  QUEUE_MODULE,
  QueueName,
  type AppointmentStatusNoticeJob,
  type JobQueue,
} from "../../../lib/queue/jobs"

/** Tells the member what staff did to their appointment (members know what they did). */
export const notifyAppointmentStatusStep = createStep(
  "notify-appointment-status",
  async (input: AppointmentStatusNoticeJob & { by_staff: boolean }, { container }) => {
    if (!input.by_staff) return new StepResponse(null)
    await container
      .resolve<JobQueue>(QUEUE_MODULE)
      .enqueue(
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
    const queue = container.resolve<JobQueue>(QUEUE_MODULE)
    for (const signup_id of signupIds) {
      await queue.enqueue(
        QueueName.APPOINTMENTS,
        AppointmentJob.CLINIC_PROMOTED,
        { signup_id },
        { jobId: `clinic-promoted-${signup_id}` }
      )
    }
    return new StepResponse(signupIds)
  }
)
