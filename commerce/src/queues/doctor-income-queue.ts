import { DoctorIncomeJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { releaseDueDoctorEarnings } from "../workflows/doctor-income/release-due-doctor-earnings"

/** How often doctors' income is swept (DOCTOR_INCOME_SWEEP_MS). */
const SWEEP_EVERY_MS = () => Number(process.env.DOCTOR_INCOME_SWEEP_MS || 5 * 60_000)

/** 医生收入: one sweep at a time, repeated by BullMQ. */
export const doctorIncomeQueue: QueueProcessor = {
  queue: QueueName.DOCTOR_INCOME,
  concurrency: 1,
  handlers: {
    [DoctorIncomeJob.RELEASE_DUE]: async (_data: Record<string, never>, { container }) =>
      releaseDueDoctorEarnings(container),
  },
  schedules: [
    { id: "doctor-income-release", job: DoctorIncomeJob.RELEASE_DUE, everyMs: SWEEP_EVERY_MS() },
  ],
}
