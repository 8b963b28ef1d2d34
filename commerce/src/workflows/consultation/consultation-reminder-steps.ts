import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ConsultationJob,
  consultationReminderJobId,
  QUEUE_MODULE,
  QueueName,
  type ConsultationReminderJob,
  type JobQueue,
} from "../../lib/queue/jobs"
import { reminderDelayMs } from "../../modules/consultation/rules/slots"

const queueOf = (container: { resolve<T>(key: string): T }) =>
  container.resolve<JobQueue>(QUEUE_MODULE)

/**
 * Schedules the reminder before a paid slot as a delayed job. Its id names the consultation
 * and slot, so a replayed payment schedules it once.
 */
export const scheduleConsultationReminderStep = createStep(
  "schedule-consultation-reminder",
  async (input: ConsultationReminderJob, { container }) => {
    const jobId = consultationReminderJobId(input)
    await queueOf(container).enqueue(QueueName.CONSULTATION, ConsultationJob.REMIND, input, {
      jobId,
      delay: reminderDelayMs(new Date(input.slot_start), new Date()),
    })
    return new StepResponse(jobId, jobId)
  },
  async (jobId, { container }) => {
    if (jobId) await queueOf(container).removeJob(QueueName.CONSULTATION, jobId)
  }
)

/**
 * Drops the reminder of a consultation cancelled or refunded. The job also checks before it
 * sends, so one already running says nothing about a slot no longer held.
 */
export const dropConsultationReminderStep = createStep(
  "drop-consultation-reminder",
  async (input: ConsultationReminderJob, { container }) => {
    await queueOf(container).removeJob(QueueName.CONSULTATION, consultationReminderJobId(input))
    return new StepResponse(null)
  }
)
