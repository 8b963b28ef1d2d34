import type { MedusaContainer } from "@medusajs/framework/types"
import type { Job } from "bullmq"
import type { QueueName } from "./jobs"

// `never` lets each handler declare its own payload type in the handlers map.
export type JobHandler<T = never> = (
  data: T,
  context: { container: MedusaContainer; job: Job }
) => Promise<unknown>

/** The worker of one named queue: a handler per job name, run with the app container. */
export type QueueProcessor = {
  queue: QueueName
  concurrency?: number
  handlers: Record<string, JobHandler>
  /** Jobs BullMQ repeats on its own (one scheduler per id, however many workers run). */
  schedules?: { id: string; job: string; everyMs: number }[]
}
