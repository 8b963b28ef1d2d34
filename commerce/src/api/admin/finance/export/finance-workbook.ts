import ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import type {
  FinanceGroupBy,
  FinanceSummary,
  FinanceTotals,
} from "../../../../workflows/finance/finance-period"
import { GROUP_BY_LABELS } from "../../../../workflows/finance/labels"

const YUAN = '"¥"#,##0.00;-"¥"#,##0.00'

/** The figures of a row, in column order: the order count, then amounts in fen. */
const FIGURES: { key: keyof FinanceTotals; header: string; money: boolean }[] = [
  { key: "orders", header: "订单数", money: false },
  { key: "paid", header: "实收（元）", money: true },
  { key: "refunded", header: "退款（元）", money: true },
  { key: "net", header: "净收入（元）", money: true },
  { key: "store_credit", header: "余额抵扣（元）", money: true },
  { key: "commissions", header: "佣金（元）", money: true },
  { key: "payouts", header: "提现支付（元）", money: true },
]

const figureColumns = FIGURES.map((figure) => ({
  header: figure.header,
  key: figure.key,
  width: 16,
  style: figure.money ? { numFmt: YUAN } : {},
}))

/** Fen / 100 is the exact two-decimal yuan for every integer fen. */
const figureCells = (totals: FinanceTotals) =>
  Object.fromEntries(FIGURES.map((f) => [f.key, f.money ? totals[f.key] / 100 : totals[f.key]]))

type Period = { from: string; to: string; group_by?: FinanceGroupBy }

/**
 * Streams the summary as .xlsx: a 汇总 sheet with the period's totals and, when a
 * breakdown was asked for, one sheet with a row per group; header rows frozen.
 */
export async function writeFinanceWorkbook(
  output: Writable,
  period: Period,
  summary: FinanceSummary
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = "财务统计"

  const totals = workbook.addWorksheet("汇总", { views: [{ state: "frozen", ySplit: 1 }] })
  totals.columns = [
    { header: "开始日期", key: "from", width: 12 },
    { header: "结束日期", key: "to", width: 12 },
    ...figureColumns,
  ]
  totals.getRow(1).font = { bold: true }
  totals.getRow(1).commit()
  totals.addRow({ from: period.from, to: period.to, ...figureCells(summary.totals) }).commit()
  totals.commit()

  if (period.group_by) {
    const sheet = workbook.addWorksheet(GROUP_BY_LABELS[period.group_by], {
      views: [{ state: "frozen", ySplit: 1 }],
    })
    sheet.columns = [
      { header: "编号", key: "key", width: 24 },
      { header: "名称", key: "label", width: 28 },
      ...figureColumns,
    ]
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).commit()
    for (const group of summary.groups) {
      sheet.addRow({ key: group.key ?? "", label: group.label, ...figureCells(group) }).commit()
    }
    sheet.commit()
  }
  await workbook.commit()
}
