import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import ExcelJS from "exceljs"
import { adminHeaders, createPublishableKey, registerCustomer } from "../helpers/actors"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }

/** The Beijing-time month of an instant, "2026-11", and the instant that month starts at. */
const shanghaiMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let admin: Headers
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      const container = getContainer()
      publishableKey = await createPublishableKey(container)
      admin = await adminHeaders(container, api as never, "finance@health.local")
    })

    /** Ledger lines written straight into the table, with the times the test needs. */
    async function writeEntries(
      rows: {
        affiliate_id: string
        kind: string
        bucket?: string
        amount: number
        at: Date
        product_id?: string
        level?: number
        rate_bp?: number
      }[]
    ) {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg("affiliate_ledger_entry").insert(
        rows.map((row) => ({
          id: `afle_${randomUUID().replace(/-/g, "")}`,
          affiliate_id: row.affiliate_id,
          bucket: row.bucket ?? "pending",
          kind: row.kind,
          amount: row.amount,
          idempotency_key: randomUUID(),
          product_id: row.product_id ?? null,
          level: row.level ?? null,
          rate_bp: row.rate_bp ?? null,
          created_at: row.at,
          updated_at: row.at,
        }))
      )
    }

    it("sums the chart's months over every entry in fen, by Beijing month", async () => {
      const member = await registerCustomer(api as never, publishableKey, "chart@example.com")
      const other = await registerCustomer(api as never, publishableKey, "other@example.com")
      const me = (await api.get("/store/affiliate/me", member)).data.affiliate
      const them = (await api.get("/store/affiliate/me", other)).data.affiliate

      const thisMonth = shanghaiMonth(new Date())
      const start = monthStart(thisMonth)
      const previousMonth = shanghaiMonth(new Date(start.getTime() - 60_000))
      const longAgo = new Date(start.getTime() - 200 * 24 * 3_600_000)
      await writeEntries([
        // 120 commissions of ¥0.10: more than the first page of commissions holds.
        ...Array.from({ length: 120 }, (_, i) => ({
          affiliate_id: me.id,
          kind: "commission",
          amount: 10,
          at: new Date(start.getTime() + 3_600_000 + i * 1000),
        })),
        {
          affiliate_id: me.id,
          kind: "reversal",
          amount: -300,
          at: new Date(start.getTime() + 7_200_000),
        },
        // A minute before Beijing midnight on the 1st: still last month.
        {
          affiliate_id: me.id,
          kind: "commission",
          amount: 8000,
          at: new Date(start.getTime() - 60_000),
        },
        // Bucket moves and other members' money are not earnings.
        {
          affiliate_id: me.id,
          kind: "maturation",
          bucket: "available",
          amount: 5000,
          at: new Date(start.getTime() + 10_800_000),
        },
        {
          affiliate_id: them.id,
          kind: "commission",
          amount: 7777,
          at: new Date(start.getTime() + 3_600_000),
        },
        { affiliate_id: me.id, kind: "commission", amount: 99_999, at: longAgo },
      ])

      const { data } = await api.get("/store/affiliate/earnings/monthly", member)
      expect(data.monthly_earnings).toHaveLength(6)
      expect(data.monthly_earnings.slice(-2)).toEqual([
        { month: previousMonth, amount: 80, amount_fen: 8000 },
        { month: thisMonth, amount: 9, amount_fen: 900 },
      ])
      expect(
        data.monthly_earnings.slice(0, 4).map((m: { amount_fen: number }) => m.amount_fen)
      ).toEqual([0, 0, 0, 0])

      const year = (await api.get("/store/affiliate/earnings/monthly?months=12", member)).data
      expect(year.monthly_earnings).toHaveLength(12)
      expect(
        year.monthly_earnings.find((m: { month: string }) => m.month === shanghaiMonth(longAgo))
      ).toEqual({ month: shanghaiMonth(longAgo), amount: 999.99, amount_fen: 99_999 })

      const tooMany = await api.get("/store/affiliate/earnings/monthly?months=25", {
        ...member,
        ...noThrow,
      })
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.message).toBe("months 须为 1 到 24 的整数")
      const anonymous = await api.get("/store/affiliate/earnings/monthly", {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(anonymous.status).toBe(401)
    })

    it("exports the filtered ledger as an Excel workbook with member, product and ¥ amounts", async () => {
      const container = getContainer()
      const member = await registerCustomer(api as never, publishableKey, "export@example.com")
      const other = await registerCustomer(api as never, publishableKey, "export-other@example.com")
      const me = (await api.get("/store/affiliate/me", member)).data.affiliate
      const them = (await api.get("/store/affiliate/me", other)).data.affiliate
      const [product] = await container
        .resolve(Modules.PRODUCT)
        .createProducts([{ title: "肿瘤易感基因检测", handle: `export-${randomUUID()}` }])

      await writeEntries([
        {
          affiliate_id: me.id,
          kind: "commission",
          amount: 8001,
          at: new Date("2026-10-31T16:30:00Z"),
          product_id: product.id,
          level: 1,
          rate_bp: 800,
        },
        {
          affiliate_id: me.id,
          kind: "reversal",
          amount: -4001,
          at: new Date("2026-11-02T01:00:00Z"),
          product_id: product.id,
          level: 1,
        },
        {
          affiliate_id: them.id,
          kind: "commission",
          amount: 500,
          at: new Date("2026-11-03T01:00:00Z"),
        },
      ])

      const exported = await api.get(`/admin/affiliate/ledger/export?affiliate_id=${me.id}`, {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(exported.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      )
      expect(exported.headers["content-disposition"]).toContain(
        "filename*=UTF-8''%E4%BD%A3%E9%87%91%E6%B5%81%E6%B0%B4.xlsx"
      )
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(exported.data) as never)
      const sheet = workbook.getWorksheet("佣金流水")!
      expect(sheet.rowCount).toBe(3)
      const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1))
      expect(rows[0]).toEqual([
        new Date("2026-11-01T00:30:00.000Z"),
        me.code,
        "王小",
        "佣金",
        "待结算",
        80.01,
        undefined,
        "肿瘤易感基因检测",
        1,
        8,
      ])
      expect(rows[1].slice(1, 8)).toEqual([
        me.code,
        "王小",
        "退款冲回",
        "待结算",
        -40.01,
        undefined,
        "肿瘤易感基因检测",
      ])

      // The period filter still applies: only the reversal is on or after 1 November (UTC).
      const november = await api.get(
        `/admin/affiliate/ledger/export?affiliate_id=${me.id}&from=2026-11-01T00:00:00Z`,
        { ...admin, responseType: "arraybuffer" }
      )
      const filtered = new ExcelJS.Workbook()
      await filtered.xlsx.load(Buffer.from(november.data) as never)
      expect(filtered.getWorksheet("佣金流水")!.rowCount).toBe(2)
      expect(filtered.getWorksheet("佣金流水")!.getRow(2).getCell(4).value).toBe("退款冲回")
    })
  },
})
