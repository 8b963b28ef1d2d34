import ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import {
  BLOCK_LABELS,
  MEMBER_CHANNEL_LABELS,
  UNTRACKED_MEMBER_CHANNELS,
} from "../../../../lib/dashboard/dashboard-labels"
import type { DashboardBlock, DashboardQueryType } from "../../../../lib/dashboard/dashboard-query"
import type { DashboardFigures } from "../../../../lib/dashboard/read-dashboard"

const YUAN = '"¥"#,##0.00;-"¥"#,##0.00'

type Column = { header: string; key: string; width: number; money?: boolean }
type Row = Record<string, string | number | null>
type SheetContent = { columns: Column[]; rows: Row[] }

/** Fen / 100 is the exact two-decimal yuan for every integer fen. */
const yuan = (fen: number) => fen / 100

/** Each block as a table: its columns and its rows, amounts in yuan with a ¥ format. */
const SHEETS: {
  [B in DashboardBlock]: (figures: NonNullable<DashboardFigures[B]>) => SheetContent
} = {
  sales: (rows) => ({
    columns: [
      { header: "周期", key: "period", width: 14 },
      { header: "实收（元）", key: "paid", width: 16, money: true },
      { header: "订单数", key: "orders", width: 10 },
    ],
    rows: rows.map((r) => ({ period: r.period, paid: yuan(r.paid), orders: r.orders })),
  }),
  conversion: (steps) => ({
    columns: [
      { header: "环节", key: "label", width: 14 },
      { header: "数量", key: "count", width: 10 },
      { header: "说明", key: "note", width: 60 },
    ],
    rows: steps.map((s) => ({ label: s.label, count: s.count, note: s.note ?? "" })),
  }),
  members: (rows) => ({
    columns: [
      { header: "注册渠道", key: "label", width: 20 },
      { header: "新增会员", key: "members", width: 10 },
      { header: "说明", key: "note", width: 40 },
    ],
    rows: [
      ...rows.map((r) => ({ label: r.label, members: r.members, note: "" })),
      ...UNTRACKED_MEMBER_CHANNELS.map((u) => ({
        label: MEMBER_CHANNEL_LABELS[u.channel],
        members: null,
        note: u.note,
      })),
    ],
  }),
  affiliates: (rows) => ({
    columns: [
      { header: "分销层级", key: "label", width: 10 },
      { header: "订单数", key: "orders", width: 10 },
      { header: "销售额（元）", key: "sales", width: 16, money: true },
      { header: "佣金（元）", key: "commission", width: 16, money: true },
      { header: "已冲回佣金（元）", key: "reversed", width: 18, money: true },
    ],
    rows: rows.map((r) => ({
      label: r.label,
      orders: r.orders,
      sales: yuan(r.sales),
      commission: yuan(r.commission),
      reversed: yuan(r.reversed),
    })),
  }),
  kits: ({ statuses, turnaround }) => ({
    columns: [
      { header: "项目", key: "label", width: 28 },
      { header: "数值", key: "value", width: 12 },
    ],
    rows: [
      ...statuses.map((s) => ({ label: `检测盒：${s.label}`, value: s.kits })),
      { label: "已查看报告数", value: turnaround.reports },
      { label: "出报告周期中位数（小时）", value: turnaround.median_hours },
      { label: "出报告周期 90 分位（小时）", value: turnaround.p90_hours },
    ],
  }),
  appointments: (rows) => ({
    columns: [
      { header: "采集点", key: "site_name", width: 24 },
      { header: "时段", key: "slot", width: 14 },
      { header: "已预约", key: "booked", width: 10 },
      { header: "可预约", key: "capacity", width: 10 },
      { header: "使用率（%）", key: "usage", width: 12 },
    ],
    rows: rows.map(({ site_name, slot, booked, capacity, usage }) => ({
      site_name,
      slot,
      booked,
      capacity,
      usage,
    })),
  }),
  constitution: (rows) => ({
    columns: [
      { header: "体质类型", key: "label", width: 12 },
      { header: "辨识人次", key: "assessments", width: 10 },
    ],
    rows: rows.map((r) => ({ label: r.label, assessments: r.assessments })),
  }),
  regions: (rows) => ({
    columns: [
      { header: "省份", key: "province", width: 16 },
      { header: "订单数", key: "orders", width: 10 },
    ],
    rows: rows.map((r) => ({ province: r.province, orders: r.orders })),
  }),
}

/**
 * Streams 数据统计 as .xlsx: one sheet per block read, named for the block, header row
 * frozen and bold, amounts as ¥ yuan.
 */
export async function writeDashboardWorkbook(
  output: Writable,
  query: DashboardQueryType,
  figures: DashboardFigures
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = "数据统计"
  workbook.title = `数据统计 ${query.from} 至 ${query.to}`
  for (const block of Object.keys(figures) as DashboardBlock[]) {
    const toSheet = SHEETS[block] as (f: unknown) => SheetContent
    const { columns, rows } = toSheet(figures[block])
    const sheet = workbook.addWorksheet(BLOCK_LABELS[block], {
      views: [{ state: "frozen", ySplit: 1 }],
    })
    sheet.columns = columns.map(({ money, ...column }) => ({
      ...column,
      style: money ? { numFmt: YUAN } : {},
    }))
    sheet.getRow(1).font = { bold: true }
    sheet.getRow(1).commit()
    for (const row of rows) sheet.addRow(row).commit()
    sheet.commit()
  }
  await workbook.commit()
}
