import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Queue } from "bullmq"
import { randomUUID } from "crypto"
import { AFFILIATE_MODULE } from ".."
import { Affiliate } from "../models/affiliate"
import { LedgerEntry } from "../models/ledger-entry"
import { PaidOrder } from "../models/paid-order"
import { AffiliateSettings } from "../models/settings"
import { Withdrawal } from "../models/withdrawal"
import AffiliateModuleService from "../service"

jest.setTimeout(120_000)

const DAY = 24 * 60 * 60 * 1000
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
// A prefix of its own, so this run's jobs meet no other run's worker.
const queuePrefix = `test-affiliate-${randomUUID()}`

async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean) {
  const deadline = Date.now() + 30_000
  let value = await read()
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    value = await read()
  }
  return value
}

moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  moduleModels: [Affiliate, LedgerEntry, Withdrawal, AffiliateSettings, PaidOrder],
  moduleOptions: { redisUrl, queuePrefix, workerMode: "shared" },
  resolve: "./src/modules/affiliate",
  testSuite: ({ service }) => {
    // The test's own look into the queue the module fills.
    let jobs: Queue
    beforeAll(() => {
      jobs = new Queue("affiliate-maturation", {
        connection: { url: redisUrl },
        prefix: queuePrefix,
      })
    })
    afterAll(async () => {
      await jobs.obliterate({ force: true })
      await jobs.close()
    })

    /** A refers B, B refers C, and C's order is recorded unpaid (paid later, as offline). */
    async function commissionsOfC(orderId: string) {
      const a = await service.ensureAffiliate("cus_a")
      const b = await service.bindReferrer({ customer_id: "cus_b", code: a.code })
      await service.bindReferrer({ customer_id: "cus_c", code: b.code })
      await service.recordOrderCommissions({
        order_id: orderId,
        buyer_customer_id: "cus_c",
        lines: [{ line_item_id: "li_1", product_id: "prod_1", paid: 100000 }],
      })
      return { a, b }
    }

    it("matures a paid order by its BullMQ job alone: no sweep, no completion", async () => {
      await service.updateSettings({ hold_days: 0 })
      const { a, b } = await commissionsOfC("order_job")
      expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })

      // Staff capture the payment; with no hold the job is due at once, run by the worker.
      await service.markOrderPaid({
        order_id: "order_job",
        buyer_customer_id: "cus_c",
        paid_at: new Date(),
      })
      const matured = await eventually(
        () => service.balancesOf(b.id),
        (balances) => balances.available > 0
      )
      expect(matured).toMatchObject({ pending: 0, available: 8000 })
      expect(await service.balancesOf(a.id)).toMatchObject({ pending: 0, available: 4000 })
      const job = await jobs.getJob("mature-order_job")
      expect(await job?.getState()).toBe("completed")
    })

    it("schedules the job for the end of the hold counted from the payment, not before", async () => {
      const { b } = await commissionsOfC("order_held")
      expect(await jobs.getJob("mature-order_held")).toBeUndefined()

      // Captured a day ago, with the default 15-day hold: due in 14 days.
      const paidAt = new Date(Date.now() - DAY)
      await service.markOrderPaid({
        order_id: "order_held",
        buyer_customer_id: "cus_c",
        paid_at: paidAt,
      })
      const job = await jobs.getJob("mature-order_held")
      expect(await job?.getState()).toBe("delayed")
      const dueAt = job!.timestamp + job!.opts.delay!
      expect(Math.abs(dueAt - (paidAt.getTime() + 15 * DAY))).toBeLessThan(5_000)
      expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })
    })
  },
})
