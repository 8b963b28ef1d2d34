import { formatFen } from "../../components/finance/finance-format"
import type { DashboardBlock, DashboardFigures } from "./dashboard-types"

/** True when a block has nothing to draw, so the page shows 暂无数据 instead of an empty chart. */
export function isEmptyBlock<B extends DashboardBlock>(block: B, figures: DashboardFigures[B]) {
  switch (block) {
    case "conversion":
      return (figures as DashboardFigures["conversion"]).every((step) => !step.count)
    case "kits": {
      const kits = figures as DashboardFigures["kits"]
      return kits.statuses.length === 0 && kits.turnaround.reports === 0
    }
    default:
      return (figures as unknown[]).length === 0
  }
}

const yuan = (fen: number) => fen / 100
const tooltipYuan = (fen: number) => formatFen(fen)

type Option = Record<string, unknown>

const bars = (categories: string[], series: Option[], extra: Option = {}): Option => ({
  tooltip: { trigger: "axis" },
  legend: {},
  grid: { left: 56, right: 56, bottom: 40, top: 40 },
  xAxis: { type: "category", data: categories },
  yAxis: { type: "value", minInterval: 1 },
  series,
  ...extra,
})

const pie = (name: string, data: { name: string; value: number }[]): Option => ({
  tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
  legend: { bottom: 0 },
  series: [{ name, type: "pie", radius: ["35%", "65%"], data }],
})

/** The ECharts option of each block; amounts drawn in yuan, labelled with ¥. */
export const chartOption: { [B in DashboardBlock]: (f: DashboardFigures[B]) => Option } = {
  sales: (rows) => ({
    tooltip: {
      trigger: "axis",
      valueFormatter: (value: number) => String(value),
    },
    legend: {},
    grid: { left: 72, right: 56, bottom: 40, top: 40 },
    xAxis: { type: "category", data: rows.map((r) => r.period) },
    yAxis: [
      { type: "value", name: "实收（元）" },
      { type: "value", name: "订单数", minInterval: 1 },
    ],
    series: [
      { name: "实收（元）", type: "bar", data: rows.map((r) => yuan(r.paid)) },
      { name: "订单数", type: "line", yAxisIndex: 1, data: rows.map((r) => r.orders) },
    ],
  }),
  conversion: (steps) => ({
    tooltip: { trigger: "item", formatter: "{b}：{c}" },
    series: [
      {
        type: "funnel",
        sort: "none",
        minSize: "10%",
        label: { formatter: "{b}：{c}" },
        // The visit step has no data: it is named in the note, not drawn as zero.
        data: steps.filter((s) => s.count !== null).map((s) => ({ name: s.label, value: s.count })),
      },
    ],
  }),
  members: (rows) =>
    pie(
      "新增会员",
      rows.map((r) => ({ name: r.label, value: r.members }))
    ),
  affiliates: (rows) =>
    bars(
      rows.map((r) => r.label),
      [
        { name: "销售额（元）", type: "bar", data: rows.map((r) => yuan(r.sales)) },
        { name: "佣金（元）", type: "bar", data: rows.map((r) => yuan(r.commission)) },
        { name: "已冲回（元）", type: "bar", data: rows.map((r) => yuan(r.reversed)) },
      ],
      {
        tooltip: {
          trigger: "axis",
          valueFormatter: (value: number) => tooltipYuan(Math.round(value * 100)),
        },
      }
    ),
  kits: ({ statuses }) =>
    bars(
      statuses.map((s) => s.label),
      [{ name: "检测盒", type: "bar", data: statuses.map((s) => s.kits) }]
    ),
  appointments: (rows) =>
    bars(
      rows.map((r) => `${r.site_name} ${r.slot}`),
      [
        { name: "已预约", type: "bar", data: rows.map((r) => r.booked) },
        { name: "可预约", type: "bar", data: rows.map((r) => r.capacity) },
      ],
      { xAxis: { type: "category", data: rows.map((r) => `${r.site_name}\n${r.slot}`) } }
    ),
  constitution: (rows) =>
    pie(
      "体质类型",
      rows.map((r) => ({ name: r.label, value: r.assessments }))
    ),
  regions: (rows) =>
    bars(
      rows.map((r) => r.province),
      [{ name: "订单数", type: "bar", data: rows.map((r) => r.orders) }]
    ),
}
