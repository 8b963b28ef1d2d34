import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  appointmentCalendarFromEnv,
  reminderDelay,
} from "../../../modules/appointment/rules/appointment-calendar"
import {
  AppointmentJob,
  QUEUE_MODULE,
  QueueName,
  reminderJobId,
  type AppointmentReminderJob,
  type JobQueue,
} from "../../../lib/queue/jobs"

const queueOf = (container: { resolve<T>(key: string): T }) =>
  container.resolve<JobQueue>(QUEUE_MODULE)

/**
 * Schedules the day-before reminder as a delayed job. Its id names the appointment, day
 * and slot, so a retried workflow schedules it once and a moved appointment gets a new one.
 */
export const scheduleAppointmentReminderStep = createStep(
  "schedule-appointment-reminder",
  async (input: AppointmentReminderJob, { container }) => {
    const jobId = reminderJobId(input)
    await queueOf(container).enqueue(QueueName.APPOINTMENTS, AppointmentJob.REMIND, input, {
      jobId,
      delay: reminderDelay(input.date, appointmentCalendarFromEnv()),
    })
    return new StepResponse(jobId, jobId)
  },
  async (jobId, { container }) => {
    if (jobId) await queueOf(container).removeJob(QueueName.APPOINTMENTS, jobId)
  }
)

/**
 * Drops the reminder of a day and slot the appointment no longer has. The reminder job
 * also checks before it sends, so a job that is already running sends nothing stale.
 */
export const dropAppointmentReminderStep = createStep(
  "drop-appointment-reminder",
  async (input: AppointmentReminderJob, { container }) => {
    await queueOf(container).removeJob(QueueName.APPOINTMENTS, reminderJobId(input))
    return new StepResponse(null)
  }
)
