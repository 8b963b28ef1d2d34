/** One job state's count, as BullMQ reports it. */
export type QueueCounts = Partial<
  Record<"waiting" | "active" | "delayed" | "completed" | "failed", number>
>

export type FailedJob = {
  id: string | null
  name: string
  /** Masked by the server: personal fields never reach the dashboard. */
  data: unknown
  failed_reason: string
  attempts: number
  failed_at: number | null
}

export type DelayedJob = {
  id: string | null
  name: string
  data: unknown
  attempts: number
  run_at: number
}

export type QueueOverview = {
  name: string
  counts: QueueCounts
  failed: FailedJob[]
  delayed: DelayedJob[]
}
