import { KIND_ZH } from "@health/medusa-plugin-affiliate"
import ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import type { CommissionStatement } from "../../../../../../workflows/finance/steps/read-commission-statement-step"
import { BUCKET_LABELS } from "../../../../../../workflows/finance/labels"
import { YUAN } from "../../../export/finance-workbook"

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The statement's figures, in the order an affiliate reads them (the PDF's too). */
export const FIGURE_ROWS = [
  ["opening_outstanding", "期初未结清（待结算 + 可提现）"],
  ["accrued", "本月新增佣金"],
  ["reversed", "本月退款冲回"],
  ["matured", "本月结算入可提现"],
  ["withdrawn", "本月提现到账"],
  ["pending", "期末待结算"],
  ["available", "期末可提现"],
  ["outstanding", "期末未结清（待结算 + 可提现）"],
] as const

/**
 * 分销对账单 as .xlsx: 对账单 (who, which month, the figures) and 明细 (every ledger line of
 * the month with its order, product and buyer, masked). Amounts ¥ from fen; headers frozen.
 */
export async function writeCommissionStatement(
  output: Writable,
  statement: CommissionStatement
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = "分销核算"

  const summary = workbook.addWorksheet("对账单", { views: [{ state: "frozen", ySplit: 1 }] })
  summary.columns = [
    { header: "项目", key: "label", width: 32 },
    { header: "内容", key: "value", width: 24 },
  ]
  summary.getRow(1).font = { bold: true }
  summary.getRow(1).commit()
  for (const [label, value] of [
    ["分销商推荐码", statement.affiliate.code],
    ["会员", statement.affiliate.member],
    ["月份", statement.month],
    ["统计区间（北京时间）", `${statement.from} 至 ${statement.to}`],
  ]) {
    summary.addRow({ label, value }).commit()
  }
  for (const [key, label] of FIGURE_ROWS) {
    const row = summary.addRow({ label, value: (statement.account?.[key] ?? 0) / 100 })
    row.getCell("value").numFmt = YUAN
    row.commit()
  }
  summary.commit()

  const lines = workbook.addWorksheet("明细", { views: [{ state: "frozen", ySplit: 1 }] })
  lines.columns = [
    {
      header: "时间（北京时间）",
      key: "time",
      width: 20,
      style: { numFmt: "yyyy-mm-dd hh:mm:ss" },
    },
    { header: "类型", key: "kind", width: 14 },
    { header: "账户", key: "bucket", width: 10 },
    { header: "金额（元）", key: "amount", width: 14, style: { numFmt: YUAN } },
    { header: "订单号", key: "order", width: 12 },
    { header: "商品", key: "product", width: 28 },
    { header: "买家", key: "buyer", width: 16 },
    { header: "层级", key: "level", width: 8 },
    { header: "比例（%）", key: "rate", width: 10, style: { numFmt: "0.00" } },
    { header: "备注", key: "note", width: 30 },
  ]
  lines.getRow(1).font = { bold: true }
  lines.getRow(1).commit()
  for (const entry of statement.entries) {
    lines
      .addRow({
        time: new Date(Date.parse(entry.created_at) + SHANGHAI_OFFSET_MS),
        kind: KIND_ZH[entry.kind] ?? entry.kind,
        bucket: BUCKET_LABELS[entry.bucket] ?? entry.bucket,
        amount: entry.amount / 100,
        order: entry.order_display_id === null ? entry.order_id : `#${entry.order_display_id}`,
        product: entry.product_title ?? entry.product_id,
        buyer: entry.buyer,
        level: entry.level,
        rate: entry.rate_bp === null ? null : entry.rate_bp / 100,
        note: entry.note,
      })
      .commit()
  }
  lines.commit()
  await workbook.commit()
}
