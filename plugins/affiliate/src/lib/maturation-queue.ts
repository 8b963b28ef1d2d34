import { Queue, Worker } from "bullmq"
import Redis from "ioredis"

/** The BullMQ queue's name; the app shows its jobs to staff beside its own queues. */
export const MATURATION_QUEUE = "affiliate-maturation"
const QUEUE = MATURATION_QUEUE

type Options = {
  redisUrl: string
  prefix?: string
  /** False in server-only processes: they enqueue, worker processes run the jobs. */
  runWorker: boolean
  mature: (orderId: string) => Promise<unknown>
}

/**
 * One delayed BullMQ job per order matures its commissions when the hold ends.
 * The periodic sweep (jobs/mature-affiliate-commissions) catches any job lost on the way.
 */
export class MaturationQueue {
  private queue: Queue | null = null
  private worker: Worker | null = null
  private readonly connections: Redis[] = []

  constructor(private readonly options: Options) {}

  private connection() {
    const connection = new Redis(this.options.redisUrl, { maxRetriesPerRequest: null })
    this.connections.push(connection)
    return connection
  }

  private get prefix() {
    return this.options.prefix ?? "health"
  }

  async schedule(orderId: string, delayMs: number) {
    this.queue ??= new Queue(QUEUE, { connection: this.connection(), prefix: this.prefix })
    await this.queue.add(
      "mature",
      { order_id: orderId },
      {
        jobId: `mature-${orderId}`,
        delay: delayMs,
        attempts: 5,
        backoff: { type: "exponential", delay: 30_000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      }
    )
  }

  startWorker() {
    if (!this.options.runWorker || this.worker) return
    this.worker = new Worker(
      QUEUE,
      async (job) => this.options.mature((job.data as { order_id: string }).order_id),
      { connection: this.connection(), prefix: this.prefix, concurrency: 2 }
    )
  }

  async close() {
    await this.worker?.close()
    await this.queue?.close()
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())))
    this.worker = null
    this.queue = null
    this.connections.length = 0
  }
}
