/** What GET /admin/dashboard/overview answers, block by block (amounts in integer fen). */
export type DashboardFigures = {
  sales: { period: string; paid: number; orders: number }[]
  conversion: { step: string; label: string; count: number | null; note?: string }[]
  members: { channel: string; label: string; members: number }[]
  affiliates: {
    level: number
    label: string
    orders: number
    sales: number
    commission: number
    reversed: number
  }[]
  kits: {
    statuses: { status: string; label: string; kits: number }[]
    turnaround: { reports: number; median_hours: number | null; p90_hours: number | null }
  }
  appointments: {
    site_id: string
    site_name: string
    slot: string
    booked: number
    capacity: number
    usage: number | null
  }[]
  constitution: { type: string; label: string; assessments: number }[]
  regions: { province: string; orders: number }[]
}

export type DashboardBlock = keyof DashboardFigures

export const BLOCKS: { block: DashboardBlock; title: string }[] = [
  { block: "sales", title: "销售与订单趋势" },
  { block: "conversion", title: "转化漏斗" },
  { block: "members", title: "新增会员（按注册渠道）" },
  { block: "affiliates", title: "分销贡献（按层级）" },
  { block: "kits", title: "检测盒状态与出报告周期" },
  { block: "appointments", title: "采集点预约与时段使用率" },
  { block: "constitution", title: "体质类型分布" },
  { block: "regions", title: "地区分布" },
]
