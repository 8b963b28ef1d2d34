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

/** 问诊: one job at a time: the sweep every minute (refund unanswered, cancel unpaid), reminders. */
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
    { id: "consultation-sweep-every-minute", job: ConsultationJob.SWEEP, everyMs: 60_000 },
  ],
}
