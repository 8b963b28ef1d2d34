import { randomUUID } from "crypto"
import { QueueEvents } from "bullmq"
import { JobRuntime } from "../job-runtime"
import { createRedisConnection } from "../redis-connection"

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"

jest.setTimeout(30_000)

describe("JobRuntime against real Redis", () => {
  let runtime: JobRuntime
  let prefix: string

  beforeEach(() => {
    prefix = `test-${randomUUID()}`
    runtime = new JobRuntime({ redisUrl, prefix })
  })

  afterEach(async () => {
    await runtime.close()
    const redis = createRedisConnection(redisUrl)
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) {
      await redis.del(...keys)
    }
    await redis.quit()
  })

  const waitFor = async (predicate: () => Promise<boolean>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (await predicate()) {
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error("condition not met in time")
  }

  it("runs an enqueued job on a worker and returns its result", async () => {
    const seen: unknown[] = []
    runtime.startWorker("demo", async (job) => {
      seen.push(job.data)
      return { doubled: (job.data as { n: number }).n * 2 }
    })
    const events = new QueueEvents("demo", { connection: createRedisConnection(redisUrl), prefix })
    await events.waitUntilReady()

    const job = await runtime.enqueue("demo", "double", { n: 21 })
    const result = await job.waitUntilFinished(events)
    await events.close()

    expect(result).toEqual({ doubled: 42 })
    expect(seen).toEqual([{ n: 21 }])
  })

  it("retries a failing job with backoff until it succeeds", async () => {
    let attempts = 0
    runtime.startWorker("flaky", async () => {
      attempts += 1
      if (attempts < 3) {
        throw new Error(`transient failure ${attempts}`)
      }
      return "ok"
    })

    await runtime.enqueue("flaky", "try", {}, { backoff: { type: "fixed", delay: 20 } })

    await waitFor(async () => (await runtime.counts("flaky")).completed === 1)
    expect(attempts).toBe(3)
    expect((await runtime.counts("flaky")).failed).toBe(0)
  })

  it("keeps a job that exhausted its attempts visible as failed, with its reason, and can retry it", async () => {
    let shouldFail = true
    runtime.startWorker("broken", async () => {
      if (shouldFail) {
        throw new Error("lab system unreachable")
      }
      return "recovered"
    })

    const job = await runtime.enqueue(
      "broken",
      "sync",
      { kit: "GT0001" },
      { attempts: 2, backoff: { type: "fixed", delay: 10 } }
    )
    await waitFor(async () => (await runtime.counts("broken")).failed === 1)

    const [failed] = await runtime.failedJobs("broken")
    expect(failed).toMatchObject({
      id: job.id,
      name: "sync",
      data: { kit: "GT0001" },
      failedReason: "lab system unreachable",
      attemptsMade: 2,
    })

    shouldFail = false
    await runtime.retryFailed("broken", job.id!)
    await waitFor(async () => (await runtime.counts("broken")).completed === 1)
    expect((await runtime.counts("broken")).failed).toBe(0)
  })

  it("ignores a second job with the same id, so replayed events enqueue once", async () => {
    await runtime.enqueue("dedupe", "order-placed", { order: 1 }, { jobId: "order-placed-1" })
    await runtime.enqueue("dedupe", "order-placed", { order: 1 }, { jobId: "order-placed-1" })

    const counts = await runtime.counts("dedupe")
    expect(counts.waiting).toBe(1)
  })

  it("lets the running job finish before close resolves", async () => {
    let finished = false
    let started = false
    runtime.startWorker("slow", async () => {
      started = true
      await new Promise((resolve) => setTimeout(resolve, 300))
      finished = true
      return "done"
    })
    await runtime.enqueue("slow", "work", {})
    await waitFor(async () => started)

    await runtime.close()

    expect(finished).toBe(true)
  })
})
