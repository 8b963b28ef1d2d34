import { readFileSync } from "node:fs"
import { PDFDocument } from "pdf-lib"
import { readReportPdf } from "../../../../../../../lib/reports/read-report-pdf"
import type { CommissionEntry } from "../../../../../../../workflows/finance/commission-accounts"
import type { CommissionStatement } from "../../../../../../../workflows/finance/steps/read-commission-statement-step"
import { buildCommissionStatementPdf, formatFen, lineTotals } from "../commission-statement-pdf"
import { STATEMENT_CJK_FONT } from "../statement-font"

// `npm test` installs fonts-droid-fallback first; a missing font fails here rather than skipping.
const font = new Uint8Array(readFileSync(STATEMENT_CJK_FONT))

const entry = (index: number, changes: Partial<CommissionEntry>): CommissionEntry => ({
  id: `afle_${index}`,
  kind: "commission",
  bucket: "pending",
  amount: 1234,
  created_at: "2026-11-10T04:00:00.000Z",
  order_id: `order_${index}`,
  order_display_id: 1000 + index,
  product_id: "prod_1",
  product_title: "肿瘤风险基因检测",
  level: 1,
  rate_bp: 1000,
  base_amount: 12340,
  withdrawal_id: null,
  note: null,
  buyer: "138****5678",
  ...changes,
})

/** A month of 70 lines (three pages): commissions, reversals, maturations, a withdrawal. */
function statement(): CommissionStatement {
  const entries: CommissionEntry[] = []
  for (let i = 0; i < 30; i++) entries.push(entry(i, { amount: 1000 + i * 37 }))
  for (let i = 30; i < 40; i++) entries.push(entry(i, { kind: "reversal", amount: -(500 + i) }))
  for (let i = 40; i < 55; i++) {
    entries.push(entry(i, { kind: "maturation", bucket: "pending", amount: -(800 + i) }))
    entries.push(entry(i, { kind: "maturation", bucket: "available", amount: 800 + i }))
  }
  // 00:30 on 1 December in Beijing is still 30 November in UTC.
  entries.push(
    entry(99, {
      kind: "withdrawal_paid",
      bucket: "withdrawn",
      amount: 100000,
      created_at: "2026-11-30T16:30:00.000Z",
      order_id: null,
      order_display_id: null,
      product_id: null,
      product_title: null,
      level: null,
      buyer: null,
    })
  )
  const totals = lineTotals(entries)
  return {
    month: "2026-11",
    from: "2026-11-01",
    to: "2026-11-30",
    affiliate: { id: "aff_1", code: "AB12CD", member: "139****0001" },
    account: {
      affiliate_id: "aff_1",
      code: "AB12CD",
      status: "member",
      customer_id: "cus_1",
      member: "139****0001",
      accrued: totals.accrued,
      reversed: totals.reversed,
      matured: totals.matured,
      withdrawn: totals.withdrawn,
      pending: 4321,
      available: 5678,
      outstanding: 9999,
      opening_outstanding: 100,
    },
    entries,
  }
}

const compact = (text: string) => text.replace(/\s+/g, "")

describe("commission statement PDF", () => {
  it("is a valid zh-CN PDF whose line totals are the month's figures, on numbered pages", async () => {
    const input = statement()
    const bytes = await buildCommissionStatementPdf(input, font, new Date("2026-12-01T02:00:00Z"))
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3)
    expect(doc.getTitle()).toBe("分销对账单 AB12CD 2026-11")
    // The subset font keeps the file small.
    expect(bytes.length).toBeLessThan(300_000)

    const { pages, text } = await readReportPdf(Buffer.from(bytes))
    expect(pages).toBe(doc.getPageCount())
    const all = compact(text)
    expect(all).toContain("分销对账单")
    expect(all).toContain("AB12CD")
    expect(all).toContain("139****0001")
    expect(all).toContain("2026-11-01至2026-11-30")
    expect(all).toContain(`第1页，共${pages}页`)
    expect(all).toContain(`第${pages}页，共${pages}页`)
    // The figures, then the totals row: every column's sum is the figure above it.
    const account = input.account!
    expect(all).toContain(`本月新增佣金${formatFen(account.accrued)}`)
    expect(all).toContain(`期末未结清（待结算+可提现）${formatFen(account.outstanding)}`)
    const totals = lineTotals(input.entries)
    expect(all).toContain(
      `合计${[account.accrued, account.reversed, account.matured, account.withdrawn, totals.other]
        .map(formatFen)
        .join("")}`
    )
    // 其他变动: the pending side of each maturation.
    expect(totals.other).toBe(
      input.entries
        .filter((e) => e.kind === "maturation" && e.bucket === "pending")
        .reduce((sum, e) => sum + e.amount, 0)
    )
    // Lines: order, buyer masked, ¥ with two decimals, Beijing time.
    expect(all).toContain("#1000")
    expect(all).toContain("138****5678")
    expect(all).toContain("¥10.00") // a commission
    expect(all).toContain("-¥5.30") // a reversal
    expect(all).toContain("¥1,000.00") // the withdrawal
    expect(all).toContain("2026-12-0100:30")
  })

  it("says so when the month has no lines", async () => {
    const empty = { ...statement(), entries: [], account: null }
    const bytes = await buildCommissionStatementPdf(empty, font)
    const { pages, text } = await readReportPdf(Buffer.from(bytes))
    expect(pages).toBe(1)
    expect(compact(text)).toContain("本月没有分销账目")
    expect(compact(text)).toContain("本月新增佣金¥0.00")
  })

  it("formats fen exactly, negative and large", () => {
    expect(formatFen(0)).toBe("¥0.00")
    expect(formatFen(-5)).toBe("-¥0.05")
    expect(formatFen(123456789)).toBe("¥1,234,567.89")
  })
})
