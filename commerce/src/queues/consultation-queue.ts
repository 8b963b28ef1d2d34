import { ConsultationJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { refundOverdueConsultations } from "../workflows/consultation/refund-overdue-consultations"

/** 问诊: one sweep at a time, every minute (refund unanswered, cancel unpaid). */
export const consultationQueue: QueueProcessor = {
  queue: QueueName.CONSULTATION,
  concurrency: 1,
  handlers: {
    [ConsultationJob.SWEEP]: async (_data: Record<string, never>, { container }) =>
      refundOverdueConsultations(container),
  },
  schedules: [
    { id: "consultation-sweep-every-minute", job: ConsultationJob.SWEEP, everyMs: 60_000 },
  ],
}
