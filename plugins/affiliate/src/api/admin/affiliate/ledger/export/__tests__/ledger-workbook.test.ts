import ExcelJS from "exceljs"
import { PassThrough } from "node:stream"
import type { LedgerRow } from "../../../../../../modules/affiliate/service"
import { writeLedgerWorkbook, type LedgerLookups } from "../ledger-workbook"

const entry = (over: Partial<LedgerRow>): LedgerRow =>
  ({
    id: "afle_1",
    affiliate_id: "aff_b",
    bucket: "pending",
    kind: "commission",
    amount: 8000,
    idempotency_key: "k",
    order_id: "order_1",
    line_item_id: null,
    product_id: "prod_1",
    buyer_customer_id: null,
    level: 1,
    rate_bp: 800,
    base_amount: 100000,
    reverses_entry_id: null,
    withdrawal_id: null,
    cart_id: null,
    note: null,
    created_at: new Date("2026-10-31T16:30:00.000Z"),
    ...over,
  }) as LedgerRow

const lookups: LedgerLookups = {
  members: new Map([["aff_b", { code: "B2C3D4E", name: "王小二" }]]),
  orders: new Map([["order_1", 1042]]),
  products: new Map([["prod_1", "肿瘤易感基因检测"]]),
}

async function* pagesOf(...pages: LedgerRow[][]) {
  for (const entries of pages) yield { entries, lookups }
}

async function exportToBuffer(
  pages: AsyncIterable<{ entries: LedgerRow[]; lookups: LedgerLookups }>
) {
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on("data", (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => output.on("end", resolve))
  const count = await writeLedgerWorkbook(output, pages)
  await done
  return { count, buffer: Buffer.concat(chunks) }
}

describe("ledger workbook", () => {
  it("writes Chinese headers, member code and name, product title and exact ¥ amounts", async () => {
    const { count, buffer } = await exportToBuffer(
      pagesOf([
        entry({}),
        entry({
          id: "afle_2",
          kind: "reversal",
          amount: -4001,
          level: 1,
          created_at: new Date("2026-11-02T01:02:03.000Z"),
        }),
      ])
    )
    expect(count).toBe(2)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as never)
    const sheet = workbook.getWorksheet("佣金流水")!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "时间（北京时间）",
      "会员推荐码",
      "会员姓名",
      "类型",
      "账户",
      "金额（元）",
      "订单号",
      "商品",
      "层级",
      "比例（%）",
      "备注",
    ])
    const first = sheet.getRow(2)
    // 16:30 UTC on 31 October is 00:30 on 1 November in Beijing.
    expect((first.getCell(1).value as Date).toISOString()).toBe("2026-11-01T00:30:00.000Z")
    expect(first.getCell(1).numFmt).toBe("yyyy-mm-dd hh:mm:ss")
    expect(first.getCell(2).value).toBe("B2C3D4E")
    expect(first.getCell(3).value).toBe("王小二")
    expect(first.getCell(4).value).toBe("佣金")
    expect(first.getCell(5).value).toBe("待结算")
    expect(first.getCell(6).value).toBe(80)
    expect(first.getCell(6).numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00')
    expect(first.getCell(7).value).toBe("#1042")
    expect(first.getCell(8).value).toBe("肿瘤易感基因检测")
    expect(first.getCell(9).value).toBe(1)
    expect(first.getCell(10).value).toBe(8)
    const second = sheet.getRow(3)
    expect(second.getCell(4).value).toBe("退款冲回")
    expect(second.getCell(6).value).toBe(-40.01)
    expect((second.getCell(1).value as Date).toISOString()).toBe("2026-11-02T09:02:03.000Z")
  })

  it("writes every page, past 50,000 rows, instead of stopping at a cap", async () => {
    const page = (start: number, size: number) =>
      Array.from({ length: size }, (_, i) =>
        entry({ id: `afle_${start + i}`, amount: start + i, order_id: null, product_id: null })
      )
    const pages = [page(0, 20_000), page(20_000, 20_000), page(40_000, 20_000), page(60_000, 1)]
    const { count, buffer } = await exportToBuffer(pagesOf(...pages))
    expect(count).toBe(60_001)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as never)
    const sheet = workbook.getWorksheet("佣金流水")!
    expect(sheet.rowCount).toBe(60_002)
    expect(sheet.getRow(60_002).getCell(6).value).toBe(600)
    expect(sheet.getRow(60_002).getCell(7).value).toBeNull()
  }, 120_000)
})
