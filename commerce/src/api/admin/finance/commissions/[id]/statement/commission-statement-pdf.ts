import { KIND_ZH } from "@health/medusa-plugin-affiliate"
import fontkit from "@pdf-lib/fontkit"
import { PDFDocument, rgb, StandardFonts } from "pdf-lib"
import { Typesetter } from "../../../../../../lib/pdf/typesetter"
import type { CommissionEntry } from "../../../../../../workflows/finance/commission-accounts"
import type { CommissionStatement } from "../../../../../../workflows/finance/steps/read-commission-statement-step"
import { BUCKET_LABELS } from "../../../../../../workflows/finance/labels"
import { evenGlyphFont } from "@health/contracts/even-glyph-font"
import { FIGURE_ROWS } from "./commission-statement-workbook"

/** A4 landscape: the line table has nine columns. */
const PAGE: [number, number] = [841.89, 595.28]
const MARGIN = 36
const WIDTH = PAGE[0] - 2 * MARGIN
const ROW = 16
const INK = rgb(0.122, 0.161, 0.216)
const MUTED = rgb(0.42, 0.447, 0.502)
const LINE = rgb(0.898, 0.906, 0.922)
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** ¥1,234.56 from integer fen, exact (no float arithmetic on the amount). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : ""
  const abs = Math.abs(Math.trunc(fen))
  const yuan = Math.floor(abs / 100).toLocaleString("en-US")
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`
}

/** An instant as Beijing time, "2026-11-05 10:00". */
const beijingTime = (iso: string) =>
  new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ")

/**
 * Which of the statement's four figures a ledger line counts in (as 分销核算 counts them),
 * else 其他 (the pending side of a maturation, a withdrawal's holds, adjustments).
 */
export type LineColumn = "accrued" | "reversed" | "matured" | "withdrawn" | "other"

export function lineColumn(entry: Pick<CommissionEntry, "kind" | "bucket">): LineColumn {
  if (entry.kind === "commission") return "accrued"
  if (entry.kind === "reversal") return "reversed"
  if (entry.kind === "maturation" && entry.bucket === "available") return "matured"
  if (entry.kind === "withdrawal_paid" && entry.bucket === "withdrawn") return "withdrawn"
  return "other"
}

const AMOUNT_COLUMNS: { key: LineColumn; header: string }[] = [
  { key: "accrued", header: "新增佣金" },
  { key: "reversed", header: "退款冲回" },
  { key: "matured", header: "结算入可提现" },
  { key: "withdrawn", header: "提现到账" },
  { key: "other", header: "其他变动" },
]

type Column = { header: string; width: number; right?: boolean }

const TABLE: Column[] = [
  { header: "时间（北京时间）", width: 100 },
  { header: "订单号", width: 62 },
  { header: "商品 / 类型", width: 168 },
  { header: "买家", width: 80 },
  { header: "层级", width: 32, right: true },
  ...AMOUNT_COLUMNS.map(({ header }) => ({ header, width: 65.6, right: true })),
]

/** The table's cells of one ledger line. */
function lineCells(entry: CommissionEntry): string[] {
  const column = lineColumn(entry)
  const what = [
    entry.product_title ?? entry.product_id,
    `${KIND_ZH[entry.kind] ?? entry.kind}·${BUCKET_LABELS[entry.bucket] ?? entry.bucket}`,
  ]
    .filter(Boolean)
    .join(" / ")
  return [
    beijingTime(entry.created_at),
    entry.order_display_id === null ? (entry.order_id ?? "—") : `#${entry.order_display_id}`,
    what,
    entry.buyer ?? "—",
    entry.level === null ? "—" : String(entry.level),
    ...AMOUNT_COLUMNS.map(({ key }) => (key === column ? formatFen(entry.amount) : "")),
  ]
}

/** The column sums of the lines, in fen. */
export function lineTotals(entries: CommissionEntry[]): Record<LineColumn, number> {
  const totals = { accrued: 0, reversed: 0, matured: 0, withdrawn: 0, other: 0 }
  for (const entry of entries) totals[lineColumn(entry)] += entry.amount
  return totals
}

/**
 * 分销对账单 as a PDF (A4 landscape, zh-CN): who and which month, the month's figures as
 * 分销核算 computes them, then every ledger line of the month in a table whose column totals
 * are those figures. Members are masked, amounts ¥ with two decimals, times in Beijing time.
 * `cjkFont` is a TrueType font with the Chinese glyphs, subset into the file.
 */
export async function buildCommissionStatementPdf(
  statement: CommissionStatement,
  cjkFont: Uint8Array,
  generatedAt = new Date()
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const type = new Typesetter(
    await doc.embedFont(evenGlyphFont(cjkFont), { subset: true }),
    await doc.embedFont(StandardFonts.Helvetica),
    INK
  )
  const title = `分销对账单 ${statement.affiliate.code} ${statement.month}`
  doc.setTitle(title, { showInWindowTitleBar: true })
  doc.setLanguage("zh-CN")
  doc.setCreator("分销核算")
  doc.setProducer("健康服务平台")
  doc.setCreationDate(generatedAt)
  doc.setModificationDate(generatedAt)

  let page = doc.addPage(PAGE)
  let y = PAGE[1] - MARGIN

  type.draw(page, "分销对账单", MARGIN, y - 20, 20)
  const stamp = `生成时间 ${beijingTime(generatedAt.toISOString())}（北京时间）`
  type.draw(page, stamp, MARGIN + WIDTH - type.width(stamp, 9), y - 18, 9, MUTED)
  y -= 40
  for (const [label, value] of [
    ["分销商推荐码", statement.affiliate.code],
    ["会员", statement.affiliate.member],
    ["月份", statement.month],
    ["统计区间（北京时间）", `${statement.from} 至 ${statement.to}`],
  ]) {
    type.draw(page, label, MARGIN, y, 10, MUTED)
    type.draw(page, value, MARGIN + 130, y, 10)
    y -= ROW
  }
  y -= 6
  // The figures in two columns of four.
  FIGURE_ROWS.forEach(([key, label], index) => {
    const x = MARGIN + (index < 4 ? 0 : WIDTH / 2)
    const rowY = y - (index % 4) * ROW
    type.draw(page, label, x, rowY, 10, MUTED)
    const amount = formatFen(statement.account?.[key] ?? 0)
    type.draw(page, amount, x + 330 - type.width(amount, 10), rowY, 10)
  })
  y -= 4 * ROW + 10

  const header = (at: number) => {
    let x = MARGIN
    page.drawRectangle({ x: MARGIN, y: at - 5, width: WIDTH, height: ROW, color: LINE })
    for (const column of TABLE) {
      const text = type.fit(column.header, column.width - 6, 9)
      const left = column.right ? x + column.width - 3 - type.width(text, 9) : x + 3
      type.draw(page, text, left, at, 9, INK)
      x += column.width
    }
    return at - ROW
  }
  const row = (cells: string[], at: number) => {
    let x = MARGIN
    cells.forEach((cell, index) => {
      const column = TABLE[index]
      const text = type.fit(cell, column.width - 6, 8.5)
      const left = column.right ? x + column.width - 3 - type.width(text, 8.5) : x + 3
      type.draw(page, text, left, at, 8.5)
      x += column.width
    })
    page.drawLine({
      start: { x: MARGIN, y: at - 5 },
      end: { x: MARGIN + WIDTH, y: at - 5 },
      thickness: 0.5,
      color: LINE,
    })
    return at - ROW
  }

  type.draw(page, `本月明细（${statement.entries.length} 笔）`, MARGIN, y, 11)
  y = header(y - ROW - 2)
  if (!statement.entries.length) {
    type.draw(page, "本月没有分销账目。", MARGIN + 3, y, 9, MUTED)
    y -= ROW
  }
  for (const entry of statement.entries) {
    if (y < MARGIN + 2 * ROW) {
      page = doc.addPage(PAGE)
      y = header(PAGE[1] - MARGIN - 10)
    }
    y = row(lineCells(entry), y)
  }
  if (y < MARGIN + 2 * ROW) {
    page = doc.addPage(PAGE)
    y = header(PAGE[1] - MARGIN - 10)
  }
  const totals = lineTotals(statement.entries)
  row(["合计", "", "", "", "", ...AMOUNT_COLUMNS.map(({ key }) => formatFen(totals[key]))], y)

  // 第 n 页，共 N 页 under every page, once the count is known.
  const pages = doc.getPages()
  pages.forEach((each, index) => {
    const footer = `第 ${index + 1} 页，共 ${pages.length} 页`
    type.draw(each, footer, MARGIN + WIDTH - type.width(footer, 8), MARGIN - 18, 8, MUTED)
    type.draw(each, title, MARGIN, MARGIN - 18, 8, MUTED)
  })
  return doc.save()
}
