import { runRetentionSweep } from "../lib/privacy/retention-sweep"
import { PrivacyJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"

/** How often expired records are swept (RETENTION_SWEEP_MS): daily by default. */
const SWEEP_EVERY_MS = () => Number(process.env.RETENTION_SWEEP_MS || 24 * 3_600_000)

/** Data retention: one sweep at a time, repeated by BullMQ; a rerun changes nothing more. */
export const retentionQueue: QueueProcessor = {
  queue: QueueName.PRIVACY,
  concurrency: 1,
  handlers: {
    [PrivacyJob.RETENTION_SWEEP]: async (_data: Record<string, never>, { container }) => {
      await runRetentionSweep(container)
    },
  },
  schedules: [
    { id: "retention-sweep", job: PrivacyJob.RETENTION_SWEEP, everyMs: SWEEP_EVERY_MS() },
  ],
}
