import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import { Queue } from "bullmq"
import Redis from "ioredis"
import { PaymentsJob, QUEUE_MODULE, QueueName, StorefrontJob } from "../../src/lib/queue/jobs"
import type QueueModuleService from "../../src/modules/queue/service"
import { AUDIT_LOG_MODULE } from "../../src/modules/audit-log"
import type AuditLogModuleService from "../../src/modules/audit-log/service"
import { adminHeaders } from "../helpers/actors"
import { eventually } from "../helpers/eventually"

jest.setTimeout(180_000)

const prefix = (process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`)
process.env.REVALIDATE_SECRET = "queue-dashboard-spec-secret"

const PHONE = "13912345678"

/** The web storefront's revalidation endpoint: down (503) or up, as the test decides. */
function startStorefront() {
  const state = { up: false, calls: [] as unknown[] }
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      if (!state.up) {
        res.writeHead(503).end()
        return
      }
      state.calls.push(JSON.parse(body))
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  return { server, state }
}

type Overview = {
  name: string
  counts: Record<string, number>
  failed: {
    id: string
    name: string
    data: any
    failed_reason: string
    attempts: number
    failed_at: number
  }[]
  delayed: { id: string; name: string; data: any; run_at: number }[]
}

const storefront = startStorefront()

beforeAll(async () => {
  await new Promise<void>((resolve) => storefront.server.listen(0, "127.0.0.1", resolve))
  const { port } = storefront.server.address() as AddressInfo
  process.env.STOREFRONT_URL = `http://127.0.0.1:${port}`
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    const noThrow = { validateStatus: () => true }
    type Headers = { headers: Record<string, string> }
    let superAdmin: Headers
    let operations: Headers
    let lab: Headers

    beforeAll(async () => {
      superAdmin = await adminHeaders(getContainer(), api as never, "queues-super@staff.local")
      operations = await adminHeaders(getContainer(), api as never, "queues-ops@staff.local", [
        "operations",
      ])
      lab = await adminHeaders(getContainer(), api as never, "queues-lab@staff.local", ["lab"])
    })

    afterAll(async () => {
      storefront.server.close()
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      await redis.quit()
    })

    const queue = () => getContainer().resolve<QueueModuleService>(QUEUE_MODULE)
    const storefrontQueue = async (): Promise<Overview> => {
      const { data } = await api.get("/admin/queues", superAdmin)
      return data.queues.find((q: Overview) => q.name === QueueName.STOREFRONT)
    }
    /** A revalidation the real worker runs against the storefront stand-in; one attempt. */
    const revalidate = (tags: string[]) =>
      queue().enqueue(QueueName.STOREFRONT, StorefrontJob.REVALIDATE, { tags }, { attempts: 1 })

    it("shows every queue's counts, and a job that failed for real with its reason, masked", async () => {
      await revalidate(["products", `member-${PHONE}`])
      const overview = await eventually(storefrontQueue, (q) => q.counts.failed === 1)

      const { data } = await api.get("/admin/queues", superAdmin)
      expect(data.queues.map((q: Overview) => q.name)).toEqual(
        expect.arrayContaining([...Object.values(QueueName), "affiliate-maturation"])
      )
      for (const q of data.queues as Overview[]) {
        expect(Object.keys(q.counts)).toEqual(
          expect.arrayContaining(["waiting", "active", "delayed", "completed", "failed"])
        )
      }
      const [failed] = overview.failed
      expect(failed).toMatchObject({
        name: StorefrontJob.REVALIDATE,
        attempts: 1,
        failed_reason: "storefront revalidation answered 503",
      })
      expect(failed.failed_at).toBeGreaterThan(Date.now() - 60_000)
      expect(failed.data.tags).toEqual(["products", "member-[phone]"])
      expect(JSON.stringify(data)).not.toContain(PHONE)
    })

    it("lists delayed jobs with the time they become due", async () => {
      const due = Date.now() + 3_600_000
      await queue().enqueue(
        QueueName.STOREFRONT,
        StorefrontJob.REVALIDATE,
        { tags: ["later"] },
        { delay: 3_600_000, jobId: `later-${randomUUID()}` }
      )
      const overview = await storefrontQueue()
      const later = overview.delayed.find((job) => job.data.tags[0] === "later")!
      expect(Math.abs(later.run_at - due)).toBeLessThan(5_000)
      expect(overview.counts.delayed).toBeGreaterThanOrEqual(1)
    })

    it("refuses every other role with 403, reading and retrying alike", async () => {
      const { failed } = await storefrontQueue()
      const retryPath = `/admin/queues/storefront/jobs/${failed[0].id}/retry`
      for (const who of [operations, lab]) {
        for (const call of [
          api.get("/admin/queues", { ...who, ...noThrow }),
          api.get("/admin/queues/storefront", { ...who, ...noThrow }),
          api.post(retryPath, {}, { ...who, ...noThrow }),
          api.post("/admin/queues/storefront/retry-failed", {}, { ...who, ...noThrow }),
        ]) {
          const response = await call
          expect(response.status).toBe(403)
          expect(response.data.message).toContain("无权访问")
        }
      }
      // Refused retries changed nothing.
      expect((await storefrontQueue()).counts.failed).toBe(1)
    })

    it("retries one failed job once the storefront is back, and records who did it", async () => {
      const { failed } = await storefrontQueue()
      storefront.state.up = true
      const retried = await api.post(
        `/admin/queues/storefront/jobs/${failed[0].id}/retry`,
        {},
        superAdmin
      )
      expect(retried.data).toEqual({ retried: 1 })
      await eventually(storefrontQueue, (q) => q.counts.failed === 0 && q.counts.completed >= 1)
      expect(storefront.state.calls).toContainEqual({ tags: ["products", `member-${PHONE}`] })

      // The job is no longer failed: a second retry is a clear 404.
      const again = await api.post(
        `/admin/queues/storefront/jobs/${failed[0].id}/retry`,
        {},
        { ...superAdmin, ...noThrow }
      )
      expect(again.status).toBe(404)
      expect(again.data.message).toContain("没有失败的任务")

      const audit = getContainer().resolve<AuditLogModuleService>(AUDIT_LOG_MODULE)
      const entries = await eventually(
        () => audit.listAuditEntries({ action: "queue.retry" }),
        (list) => list.length >= 1
      )
      expect(entries[0]).toMatchObject({ status: 200, method: "POST" })
      expect(entries[0].details).toMatchObject({ queue: "storefront", job_id: failed[0].id })
    })

    it("retries every failed job of a queue at once (全部重试)", async () => {
      storefront.state.up = false
      await revalidate(["a"])
      await revalidate(["b"])
      await eventually(storefrontQueue, (q) => q.counts.failed === 2)
      storefront.state.up = true
      const { data } = await api.post("/admin/queues/storefront/retry-failed", {}, superAdmin)
      expect(data).toEqual({ retried: 2 })
      await eventually(storefrontQueue, (q) => q.counts.failed === 0)
      expect(storefront.state.calls).toEqual(
        expect.arrayContaining([{ tags: ["a"] }, { tags: ["b"] }])
      )
    })

    it("runs the WeChat Pay sweep in a shop without WeChat Pay: it completes and never fails", async () => {
      const completed = async () => (await queue().counts(QueueName.PAYMENTS)).completed ?? 0
      const before = await completed()
      await queue().enqueue(QueueName.PAYMENTS, PaymentsJob.RECONCILE_WECHAT, {}, { attempts: 1 })
      await eventually(completed, (count) => count > before)
      const failed = (await queue().failedJobs(QueueName.PAYMENTS)) as { name: string }[]
      expect(failed.filter((job) => job.name === PaymentsJob.RECONCILE_WECHAT)).toEqual([])
    })

    it("revalidates the catalog when a price list is created, its price changed and it is removed", async () => {
      storefront.state.up = true
      const admin = superAdmin
      const { product } = (
        await api.post(
          "/admin/products",
          {
            title: "价格表测试商品",
            options: [{ title: "规格", values: ["标准"] }],
            variants: [
              {
                title: "标准",
                options: { 规格: "标准" },
                prices: [{ currency_code: "cny", amount: 1999 }],
              },
            ],
          },
          admin
        )
      ).data
      const variantId = product.variants[0].id
      const storefrontJobs = new Queue(QueueName.STOREFRONT, { connection: redis, prefix })
      /** The revalidations that ran for a pricing event, as the storefront was told. */
      const ranFor = (cause: string) =>
        eventually(
          async () =>
            (await storefrontJobs.getCompleted()).filter((job) => job.data.cause === cause),
          (jobs) => jobs.length > 0
        )

      const { price_list } = (
        await api.post(
          "/admin/price-lists",
          {
            title: "双十二",
            description: "限时价",
            type: "sale",
            status: "active",
            prices: [{ variant_id: variantId, currency_code: "cny", amount: 1499.37 }],
          },
          admin
        )
      ).data
      for (const cause of ["pricing.price-list.created", "pricing.price.created"]) {
        const [job] = await ranFor(cause)
        expect(job.data.tags).toEqual(["products"])
      }
      const [price] = (await api.get(`/admin/price-lists/${price_list.id}?fields=prices.id`, admin))
        .data.price_list.prices
      await api.post(
        `/admin/price-lists/${price_list.id}/prices/batch`,
        { update: [{ id: price.id, variant_id: variantId, currency_code: "cny", amount: 1299 }] },
        admin
      )
      expect((await ranFor("pricing.price.updated"))[0].data.tags).toEqual(["products"])
      await api.delete(`/admin/price-lists/${price_list.id}`, admin)
      expect((await ranFor("pricing.price-list.deleted"))[0].data.tags).toEqual(["products"])
      await storefrontJobs.close()
      // The storefront heard it: the web expires its cached catalog (pages, lists, posters).
      expect(storefront.state.calls).toContainEqual({ tags: ["products"] })
    })

    it("answers an unknown queue with 404 in Chinese", async () => {
      const response = await api.post(
        "/admin/queues/nope/retry-failed",
        {},
        {
          ...superAdmin,
          ...noThrow,
        }
      )
      expect(response.status).toBe(404)
      expect(response.data.message).toBe("队列 nope 不存在")
    })
  },
})
