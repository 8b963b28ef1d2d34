import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import ExcelJS from "exceljs"
import type { Readable } from "stream"
import { adminHeaders } from "../helpers/actors"

jest.setTimeout(600_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

/**
 * More ledger lines than any one page or batch, and over the 100,000 rows #18 asks to
 * stream: the export must stream them all. (Written in one statement: the triggers mark each
 * of the month's days dirty once, not once a line; see Migration20261207150100.)
 */
const LINES = 101_000

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const sql = (query: string, bindings: (string | number)[] = []) =>
      getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(query, bindings)
        .then((result: { rows: Record<string, unknown>[] }) => result.rows)

    it("streams a month of 101,000 commission lines into the 明细 sheet, every one of them, to the fen", async () => {
      const container = getContainer()
      // No catalogue needed: the month's money is the generated ledger alone.
      const finance = await adminHeaders(container, api as never, "cw@health.local", ["finance"])

      // One affiliate's month of generated commissions, spread over October 2026 in Beijing time.
      const affiliateId = `aff_${randomUUID().replace(/-/g, "")}`
      await sql(
        `insert into affiliate (id, customer_id, code, status) values (?, ?, ?, 'distributor')`,
        [affiliateId, `cus_${randomUUID().replace(/-/g, "")}`, "BIGMONTH"]
      )
      await sql(
        `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key, created_at, updated_at)
         select 'afle_big_' || n, ?, 'pending', 'commission', (n % 9973) + 1, 'big:' || n,
                '2026-09-30T16:00:00Z'::timestamptz + (n * interval '22 seconds'),
                '2026-09-30T16:00:00Z'::timestamptz + (n * interval '22 seconds')
           from generate_series(1, ?) as n`,
        [affiliateId, LINES]
      )
      const [ledger] = await sql(
        `select count(*)::int as count, sum(amount)::bigint as fen from affiliate_ledger_entry
          where affiliate_id = ? and created_at >= '2026-09-30T16:00:00Z' and created_at < '2026-10-31T16:00:00Z'`,
        [affiliateId]
      )
      expect(ledger.count).toBe(LINES)

      // Read the download as it arrives, with exceljs' streaming reader: neither side ever
      // holds the whole workbook.
      const response = await api.get("/admin/finance/export?from=2026-10-01&to=2026-10-31", {
        ...finance,
        responseType: "stream",
      })
      expect(response.status).toBe(200)
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(response.data as Readable, {
        worksheets: "emit",
        sharedStrings: "cache",
        styles: "cache",
        hyperlinks: "ignore",
      })
      const sheets: string[] = []
      let summaryCommissionsYuan: unknown
      let detailRows = 0
      let detailFen = 0
      let firstDetail: unknown[] = []
      for await (const worksheet of reader) {
        const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string }
        sheets.push(sheet.name)
        for await (const row of sheet) {
          if (sheet.name === "汇总" && row.number === 2)
            summaryCommissionsYuan = row.getCell(8).value
          if (sheet.name !== "明细" || row.number === 1) continue
          if (row.number === 2) firstDetail = (row.values as unknown[]).slice(1)
          detailRows++
          detailFen += Math.round(Number(row.getCell(8).value) * 100)
        }
      }
      expect(sheets).toEqual(["汇总", "按日", "按商品", "按分类", "按渠道", "按支付方式", "明细"])
      expect(detailRows).toBe(LINES)
      expect(detailFen).toBe(Number(ledger.fen))
      expect(summaryCommissionsYuan).toBe(Number(ledger.fen) / 100)
      // The first line is the oldest: 00:00:22 on 1 October in Beijing, ¥0.02.
      expect(firstDetail[0]).toBe("佣金")
      expect((firstDetail[1] as Date).toISOString()).toBe("2026-10-01T00:00:22.000Z")
      expect(firstDetail[2]).toBe("afle_big_1")
      expect(firstDetail[7]).toBe(0.02)
    })

    it("streams every member of the 按会员 sheet, more than a cursor batch, each once and to the fen", async () => {
      const container = getContainer()
      const finance = await adminHeaders(container, api as never, "cm@health.local", ["finance"])
      // 2,500 buyers (members), each behind one commission in November: 2.5 cursor batches.
      const MEMBERS = 2_500
      await sql(
        `insert into affiliate (id, customer_id, code, status) values ('aff_many', 'cus_seller', 'MANY', 'distributor')`
      )
      await sql(
        `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key,
           buyer_customer_id, created_at, updated_at)
         select 'afle_many_' || n, 'aff_many', 'pending', 'commission', n, 'many:' || n,
                'cus_many_' || lpad(n::text, 5, '0'), '2026-11-10T04:00:00Z', '2026-11-10T04:00:00Z'
           from generate_series(1, ?) as n`,
        [MEMBERS]
      )
      const response = await api.get(
        "/admin/finance/export?from=2026-11-01&to=2026-11-30&group_by=member",
        { ...finance, responseType: "stream" }
      )
      expect(response.status).toBe(200)
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(response.data as Readable, {
        worksheets: "emit",
        sharedStrings: "cache",
        styles: "cache",
        hyperlinks: "ignore",
      })
      const members: string[] = []
      let fen = 0
      let first: unknown[] = []
      for await (const worksheet of reader) {
        const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string }
        for await (const row of sheet) {
          if (sheet.name !== "按会员" || row.number === 1) continue
          if (row.number === 2) first = (row.values as unknown[]).slice(1)
          members.push(String(row.getCell(1).value))
          fen += Math.round(Number(row.getCell(8).value) * 100)
        }
      }
      expect(members.length).toBe(MEMBERS)
      expect(new Set(members).size).toBe(MEMBERS)
      expect(fen).toBe((MEMBERS * (MEMBERS + 1)) / 2)
      // In the page's order (money paid, then the member): cus_many_00001 first, ¥0.01.
      expect([first[0], first[7]]).toEqual(["cus_many_00001", 0.01])
    })
  },
})
