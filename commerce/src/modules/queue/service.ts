import path from "node:path"
import { container } from "@medusajs/framework"
import { dynamicImport } from "@medusajs/framework/utils"
import type { JobsOptions } from "bullmq"
import { JobRuntime } from "../../lib/queue/job-runtime"
import { QueueName, type JobName, type JobPayloads, type JobQueue } from "../../lib/queue/jobs"
import type { QueueProcessor } from "../../lib/queue/queue-processor"

type QueueModuleOptions = {
  redisUrl: string
  workerMode?: "shared" | "worker" | "server"
  prefix?: string
  /**
   * The file (relative to the app's root) whose `queueProcessors` this module runs, e.g.
   * ./src/queues. Named here rather than imported: the handlers start workflows, which
   * enqueue through this module, so importing them would close a circle.
   */
  processors?: string
}

/** A job waiting for its time (a reminder, a retry's back-off), for the queue dashboard. */
export type DelayedJobSummary = {
  id: string | undefined
  name: string
  data: unknown
  attemptsMade: number
  /** When it becomes due (epoch milliseconds). */
  runAt: number
}

type InjectedDependencies = {
  logger: { info(msg: string): void; error(msg: string, error?: unknown): void }
}

/**
 * Exposes the BullMQ layer to the app and runs the workers in worker and shared
 * processes. Job handlers need workflows and other modules, so they get the app
 * container (available once the app has started), not this module's own container.
 */
export default class QueueModuleService implements JobQueue {
  protected readonly runtime: JobRuntime
  protected readonly logger: InjectedDependencies["logger"]
  protected readonly workerMode: string
  protected readonly processors: string | undefined
  protected workersStarted = false

  constructor({ logger }: InjectedDependencies, options: QueueModuleOptions) {
    this.logger = logger
    this.workerMode = options.workerMode ?? "shared"
    this.processors = options.processors
    this.runtime = new JobRuntime({
      redisUrl: options.redisUrl,
      prefix: options.prefix ?? process.env.QUEUE_PREFIX ?? "health",
    })
  }

  __hooks = {
    onApplicationStart: async () => this.startWorkers(),
    onApplicationPrepareShutdown: async () => this.runtime.close(),
  }

  async enqueue<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    jobName: J,
    data: JobPayloads[Q][J],
    opts: JobsOptions = {}
  ) {
    return this.runtime.enqueue(queue, jobName, data, opts)
  }

  async counts(queue: string) {
    return this.runtime.counts(queue)
  }

  async failedJobs(queue: string) {
    return this.runtime.failedJobs(queue)
  }

  async removeJob(queue: QueueName, jobId: string) {
    return this.runtime.removeJob(queue, jobId)
  }

  async retryFailed(queue: string, jobId: string) {
    return this.runtime.retryFailed(queue, jobId)
  }

  /** Redis answers over the BullMQ connection every process mode uses (readiness probe). */
  async ping(): Promise<void> {
    // BullMQ types its connection narrowly; it is an ioredis client.
    const client = (await this.runtime.queue(QueueName.STOREFRONT).client) as unknown as {
      ping(): Promise<string>
    }
    await client.ping()
  }

  async delayedJobs(queue: string, start = 0, end = 49): Promise<DelayedJobSummary[]> {
    const jobs = await this.runtime.queue(queue).getDelayed(start, end)
    return jobs.map((job) => ({
      id: job.id,
      name: job.name,
      data: job.data,
      attemptsMade: job.attemptsMade,
      runAt: job.timestamp + (job.delay ?? 0),
    }))
  }

  /** Puts one failed job back to run; false when the queue holds no failed job of that id. */
  async retryFailedJob(queue: string, jobId: string): Promise<boolean> {
    const job = await this.runtime.queue(queue).getJob(jobId)
    if (!job || !(await job.isFailed())) return false
    await job.retry("failed")
    return true
  }

  /** Puts every failed job of a queue back to run; returns how many there were. */
  async retryAllFailed(queue: string): Promise<number> {
    const bullQueue = this.runtime.queue(queue)
    const failed = await bullQueue.getFailedCount()
    if (failed > 0) await bullQueue.retryJobs({ state: "failed", count: 1000 })
    return failed
  }

  /** The handlers of every queue, from the file the module's options name. */
  protected async loadProcessors(): Promise<QueueProcessor[]> {
    if (!this.processors) return []
    const loaded = await dynamicImport(path.resolve(process.cwd(), this.processors))
    return (loaded as { queueProcessors?: QueueProcessor[] }).queueProcessors ?? []
  }

  protected async startWorkers() {
    if (this.workersStarted || this.workerMode === "server") {
      return
    }
    this.workersStarted = true
    const queueProcessors = await this.loadProcessors()
    for (const { queue, concurrency, handlers, schedules = [] } of queueProcessors) {
      for (const schedule of schedules) {
        this.runtime
          .schedule(queue, schedule.id, schedule.job, schedule.everyMs)
          .catch((error) => this.logger.error(`[queue] cannot schedule ${schedule.id}`, error))
      }
      const worker = this.runtime.startWorker(
        queue,
        async (job) => {
          const handler = handlers[job.name]
          if (!handler) {
            throw new Error(`Queue ${queue} has no handler for job "${job.name}"`)
          }
          return handler(job.data as never, { container, job })
        },
        concurrency
      )
      worker.on("failed", (job, error) => {
        this.logger.error(
          `[queue] ${queue}/${job?.name} #${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`
        )
      })
    }
    this.logger.info(
      `[queue] workers started for: ${queueProcessors.map((p) => p.queue).join(", ")}`
    )
  }
}
