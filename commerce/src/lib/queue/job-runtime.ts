import { Job, JobsOptions, Queue, Worker } from "bullmq"
import type Redis from "ioredis"
import { defaultJobOptions } from "./default-job-options"
import type { FailedJobSummary } from "./jobs"
import { createRedisConnection } from "./redis-connection"

export type { FailedJobSummary }

export type JobProcessor<T = unknown, R = unknown> = (job: Job<T, R>) => Promise<R>

export type JobRuntimeOptions = {
  redisUrl: string
  /** Key prefix, so several apps or test runs can share one Redis. */
  prefix?: string
}

/**
 * A small BullMQ layer: named queues sharing one connection config, workers with
 * sane defaults, visibility of failed jobs, and a shutdown that lets running jobs finish.
 */
export class JobRuntime {
  private readonly queues = new Map<string, Queue>()
  private readonly workers: Worker[] = []
  private readonly connections: Redis[] = []
  private readonly prefix: string

  constructor(private readonly options: JobRuntimeOptions) {
    this.prefix = options.prefix ?? "health"
  }

  private connection(): Redis {
    const connection = createRedisConnection(this.options.redisUrl)
    this.connections.push(connection)
    return connection
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name)
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection(),
        prefix: this.prefix,
        defaultJobOptions,
      })
      this.queues.set(name, queue)
    }
    return queue
  }

  /**
   * Adds a job. Pass `jobId` to make the enqueue idempotent: BullMQ ignores a second
   * job with the id of one it still holds.
   */
  async enqueue<T>(queueName: string, jobName: string, data: T, opts: JobsOptions = {}) {
    return this.queue(queueName).add(jobName, data, opts)
  }

  /** A job BullMQ adds every `everyMs`; upserting keeps one scheduler however often it runs. */
  async schedule(queueName: string, schedulerId: string, jobName: string, everyMs: number) {
    await this.queue(queueName).upsertJobScheduler(
      schedulerId,
      { every: everyMs },
      { name: jobName, data: {} }
    )
  }

  startWorker<T, R>(queueName: string, processor: JobProcessor<T, R>, concurrency = 5): Worker {
    const worker = new Worker<T, R>(queueName, processor, {
      connection: this.connection(),
      prefix: this.prefix,
      concurrency,
    })
    this.workers.push(worker)
    return worker
  }

  async failedJobs(queueName: string, start = 0, end = 49): Promise<FailedJobSummary[]> {
    const jobs = await this.queue(queueName).getFailed(start, end)
    return jobs.map((job) => ({
      id: job.id,
      name: job.name,
      data: job.data,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      finishedOn: job.finishedOn,
    }))
  }

  async counts(queueName: string) {
    return this.queue(queueName).getJobCounts("waiting", "active", "delayed", "completed", "failed")
  }

  /** Drops a job that has not run yet (a delayed reminder that is no longer wanted). */
  async removeJob(queueName: string, jobId: string): Promise<boolean> {
    const job = await this.queue(queueName).getJob(jobId)
    if (!job || (!(await job.isDelayed()) && !(await job.isWaiting()))) return false
    await job.remove()
    return true
  }

  async retryFailed(queueName: string, jobId: string): Promise<void> {
    const job = await this.queue(queueName).getJob(jobId)
    if (job && (await job.isFailed())) {
      await job.retry("failed")
    }
  }

  /** Workers first (they finish their current job), then queues, then connections. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()))
    await Promise.all([...this.queues.values()].map((queue) => queue.close()))
    await Promise.all(
      this.connections.map((connection) => connection.quit().catch(() => connection.disconnect()))
    )
    this.workers.length = 0
    this.queues.clear()
    this.connections.length = 0
  }
}
