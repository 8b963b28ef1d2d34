import ExcelJS from "exceljs"
import { once } from "node:events"
import type { Writable } from "node:stream"
import type { FinanceEntry } from "../../../../workflows/finance/finance-entry"
import type {
  FinanceGroup,
  FinanceGroupBy,
  FinanceSummary,
  FinanceTotals,
} from "../../../../workflows/finance/finance-period"
import {
  CHANNEL_LABELS,
  FIGURE_LABELS,
  GROUP_BY_LABELS,
} from "../../../../workflows/finance/labels"

export const YUAN = '"¥"#,##0.00;-"¥"#,##0.00'

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

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** Excel dates have no time zone and are read as wall-clock time: write Beijing time. */
const beijingWallClock = (iso: string) => new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)

type Period = { from: string; to: string }

/** Writes a breakdown's groups batch by batch (the members: too many to hold at once). */
export type GroupsSource = (write: (batch: FinanceGroup[]) => Promise<void>) => Promise<number>

/** A summary and the breakdowns it is written with, computed or streamed. */
export type FinanceWorkbookContent = {
  summary: FinanceSummary
  breakdowns: ({ groupBy: FinanceGroupBy } & (
    | { summary: FinanceSummary }
    | { groups: GroupsSource }
  ))[]
}

/** Writes the entries of the 明细 sheet batch by batch; resolves to how many rows it wrote. */
export type EntriesSource = (write: (batch: FinanceEntry[]) => Promise<void>) => Promise<number>

type Sheet = ExcelJS.Worksheet

function frozenSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string) {
  return workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] }) as Sheet
}

function commitHeader(sheet: Sheet) {
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
}

/**
 * Streams 财务统计 as .xlsx: 汇总 (this period, the period before, the change), one sheet per
 * breakdown, and 明细, every row behind the money figures; the members and the rows are read
 * batch by batch from cursors so a period of any size runs in bounded memory. Header rows frozen, amounts ¥.
 */
export async function writeFinanceWorkbook(
  output: Writable,
  period: Period,
  content: FinanceWorkbookContent,
  entries?: EntriesSource
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = "财务统计"

  const { summary } = content
  const totals = frozenSheet(workbook, "汇总")
  totals.columns = [
    { header: "开始日期", key: "from", width: 14 },
    { header: "结束日期", key: "to", width: 12 },
    ...figureColumns,
  ]
  commitHeader(totals)
  totals.addRow({ from: period.from, to: period.to, ...figureCells(summary.totals) }).commit()
  totals
    .addRow({
      from: summary.previous.from,
      to: summary.previous.to,
      ...figureCells(summary.previous.totals),
    })
    .commit()
  const change = Object.fromEntries(
    Object.entries(summary.change).map(([metric, value]) => [metric, value.amount])
  ) as FinanceTotals
  totals.addRow({ from: "较上期变化", to: "", ...figureCells(change) }).commit()
  totals.commit()

  for (const breakdown of content.breakdowns) {
    const sheet = frozenSheet(workbook, GROUP_BY_LABELS[breakdown.groupBy])
    sheet.columns = [
      { header: "编号", key: "key", width: 24 },
      { header: "名称", key: "label", width: 28 },
      ...figureColumns,
    ]
    commitHeader(sheet)
    const writeGroups = async (groups: FinanceGroup[]) => {
      for (const group of groups) {
        sheet.addRow({ key: group.key ?? "", label: group.label, ...figureCells(group) }).commit()
      }
      if (output.writableNeedDrain) await once(output, "drain")
    }
    if ("groups" in breakdown) await breakdown.groups(writeGroups)
    else await writeGroups(breakdown.summary.groups)
    sheet.commit()
  }

  if (entries) {
    const sheet = frozenSheet(workbook, "明细")
    sheet.columns = [
      { header: "类别", key: "figure", width: 10 },
      {
        header: "时间（北京时间）",
        key: "time",
        width: 20,
        style: { numFmt: "yyyy-mm-dd hh:mm:ss" },
      },
      { header: "来源编号", key: "id", width: 32 },
      { header: "订单号", key: "order", width: 12 },
      { header: "会员", key: "member", width: 16 },
      { header: "支付方式", key: "provider", width: 12 },
      { header: "渠道", key: "channel", width: 16 },
      { header: "金额（元）", key: "amount", width: 16, style: { numFmt: YUAN } },
    ]
    commitHeader(sheet)
    await entries(async (batch) => {
      for (const entry of batch) {
        sheet
          .addRow({
            figure: FIGURE_LABELS[entry.figure],
            time: beijingWallClock(entry.happened_at),
            id: entry.id,
            order: entry.order_display_id === null ? null : `#${entry.order_display_id}`,
            member: entry.member,
            provider: entry.provider_label,
            channel: entry.channel ? (CHANNEL_LABELS[entry.channel] ?? entry.channel) : null,
            amount: entry.amount / 100,
          })
          .commit()
      }
      // A slow download holds the next batch back rather than piling rows up in memory.
      if (output.writableNeedDrain) await once(output, "drain")
    })
    sheet.commit()
  }
  await workbook.commit()
}
