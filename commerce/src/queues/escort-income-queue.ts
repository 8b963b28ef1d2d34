import { EscortIncomeJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { releaseDueEscortEarnings } from "../workflows/escort-income/release-due-escort-earnings"

/** How often pending escort income is checked for release (ESCORT_INCOME_SWEEP_MS). */
const SWEEP_EVERY_MS = () => Number(process.env.ESCORT_INCOME_SWEEP_MS || 5 * 60_000)

/** 陪诊 income: one release sweep at a time, repeated by BullMQ. */
export const escortIncomeQueue: QueueProcessor = {
  queue: QueueName.ESCORT_INCOME,
  concurrency: 1,
  handlers: {
    [EscortIncomeJob.RELEASE_DUE]: async (_data: Record<string, never>, { container }) =>
      releaseDueEscortEarnings(container),
  },
  schedules: [
    { id: "escort-income-release", job: EscortIncomeJob.RELEASE_DUE, everyMs: SWEEP_EVERY_MS() },
  ],
}
