import { EscortDispatchJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { sweepEscortDispatch } from "../workflows/escort-dispatch/sweep-escort-dispatch"

/** How often auto-dispatch looks for expired offers and new tasks (ESCORT_DISPATCH_SWEEP_MS). */
const SWEEP_EVERY_MS = () => Number(process.env.ESCORT_DISPATCH_SWEEP_MS || 30_000)

/** 陪诊 auto-dispatch: one sweep at a time, repeated by BullMQ. */
export const escortDispatchQueue: QueueProcessor = {
  queue: QueueName.ESCORT_DISPATCH,
  concurrency: 1,
  handlers: {
    [EscortDispatchJob.SWEEP]: async (_data: Record<string, never>, { container }) =>
      sweepEscortDispatch(container),
  },
  schedules: [
    { id: "escort-dispatch-sweep", job: EscortDispatchJob.SWEEP, everyMs: SWEEP_EVERY_MS() },
  ],
}
