import {
  ConsultationJob,
  QueueName,
  type ConsultationReminderJob,
  type FollowUpReminderJob,
} from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { refundOverdueConsultations } from "../workflows/consultation/refund-overdue-consultations"
import { sendConsultationReminder } from "../workflows/consultation/send-consultation-reminder"
import { sendFollowUpReminder } from "../workflows/consultation/send-follow-up-reminder"

/**
 * How often the sweep refunds unanswered and cancels unpaid consultations
 * (CONSULTATION_SWEEP_MS, default one minute; the e2e stack shortens it, with
 * CONSULTATION_ANSWER_HOURS, so a journey sees the refund within seconds).
 */
const SWEEP_EVERY_MS = () => Number(process.env.CONSULTATION_SWEEP_MS || 60_000)

/** 问诊: one job at a time: the sweep (refund unanswered, cancel unpaid), reminders. */
export const consultationQueue: QueueProcessor = {
  queue: QueueName.CONSULTATION,
  concurrency: 1,
  handlers: {
    [ConsultationJob.SWEEP]: async (_data: Record<string, never>, { container }) =>
      refundOverdueConsultations(container),
    [ConsultationJob.REMIND]: async (job: ConsultationReminderJob, { container }) =>
      sendConsultationReminder(container, job),
    [ConsultationJob.FOLLOW_UP_REMIND]: async (job: FollowUpReminderJob, { container }) =>
      sendFollowUpReminder(container, job),
  },
  schedules: [
    {
      id: "consultation-sweep-every-minute",
      job: ConsultationJob.SWEEP,
      everyMs: SWEEP_EVERY_MS(),
    },
  ],
}
