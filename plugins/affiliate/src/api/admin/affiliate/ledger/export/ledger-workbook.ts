import ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import type { LedgerRow } from "../../../../../modules/affiliate/service"
import { KIND_ZH } from "../../../../views"

const BUCKET_ZH: Record<string, string> = {
  pending: "待结算",
  available: "可提现",
  withdrawing: "提现中",
  withdrawn: "已提现",
  spent: "已抵扣",
}

/** What a ledger line needs beyond itself: who the member is, the order's number, the product. */
export type LedgerLookups = {
  members: Map<string, { code: string; name: string }>
  orders: Map<string, number>
  products: Map<string, string>
}

export const LEDGER_COLUMNS = [
  { header: "时间（北京时间）", key: "time", width: 20, numFmt: "yyyy-mm-dd hh:mm:ss" },
  { header: "会员推荐码", key: "code", width: 12 },
  { header: "会员姓名", key: "name", width: 14 },
  { header: "类型", key: "kind", width: 12 },
  { header: "账户", key: "bucket", width: 10 },
  { header: "金额（元）", key: "amount", width: 14, numFmt: '"¥"#,##0.00;-"¥"#,##0.00' },
  { header: "订单号", key: "order", width: 12 },
  { header: "商品", key: "product", width: 28 },
  { header: "层级", key: "level", width: 8 },
  { header: "比例（%）", key: "rate", width: 10, numFmt: "0.00" },
  { header: "备注", key: "note", width: 30 },
] as const

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * Excel dates carry no time zone and are read as wall-clock time, so the instant is shifted
 * to Beijing time (UTC+8, no daylight saving) before it is written.
 */
export const shanghaiWallClock = (at: Date | string) =>
  new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS)

/** One sheet row; empty cells are null. Amounts are fen / 100: an integer over 100 is the exact two-decimal yuan. */
export function ledgerSheetRow(entry: LedgerRow, lookups: LedgerLookups) {
  const member = lookups.members.get(entry.affiliate_id)
  const displayId = entry.order_id ? lookups.orders.get(entry.order_id) : undefined
  return {
    time: shanghaiWallClock(entry.created_at),
    code: member?.code ?? entry.affiliate_id,
    name: member?.name || null,
    kind: KIND_ZH[entry.kind] ?? entry.kind,
    bucket: BUCKET_ZH[entry.bucket] ?? entry.bucket,
    amount: entry.amount / 100,
    order: displayId !== undefined ? `#${displayId}` : (entry.order_id ?? null),
    product: entry.product_id ? (lookups.products.get(entry.product_id) ?? entry.product_id) : null,
    level: entry.level ?? null,
    rate: entry.rate_bp == null ? null : entry.rate_bp / 100,
    note: entry.note ?? null,
  }
}

/**
 * Streams the ledger as one .xlsx sheet: pages of entries are read, looked up and written
 * row by row, so an export of any size runs in bounded memory instead of stopping at a cap.
 */
export async function writeLedgerWorkbook(
  output: Writable,
  pages: AsyncIterable<{ entries: LedgerRow[]; lookups: LedgerLookups }>
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = "分销管理"
  const sheet = workbook.addWorksheet("佣金流水", { views: [{ state: "frozen", ySplit: 1 }] })
  sheet.columns = LEDGER_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    ...("numFmt" in column && { style: { numFmt: column.numFmt } }),
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  let count = 0
  for await (const page of pages) {
    for (const entry of page.entries) {
      sheet.addRow(ledgerSheetRow(entry, page.lookups)).commit()
      count++
    }
  }
  sheet.commit()
  await workbook.commit()
  return count
}
