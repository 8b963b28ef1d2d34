import type { JobsOptions } from "bullmq"

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s, ...); completed jobs are trimmed,
 * failed ones are kept for a week so staff can see and retry them.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
}
