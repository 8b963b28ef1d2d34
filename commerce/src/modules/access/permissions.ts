/**
 * Staff permissions are `<area>:read` or `<area>:write`; write includes read, and `*`
 * (super admin) is everything. Areas group admin routes by the work they serve.
 */
export const AREAS = {
  catalog: "商品与价格",
  orders: "订单与履约",
  customers: "会员",
  money: "收款、退款与提现",
  affiliate: "分销设置与分销员",
  lab: "检测盒与报告",
  appointments: "预约",
  escort: "陪诊",
  cases: "陪诊事件、争议与理赔",
  assessments: "体质评估",
  operations: "后台任务",
  moderation: "内容审核",
  settings: "店铺设置",
} as const

export type Area = keyof typeof AREAS
export type Permission = `${Area}:${"read" | "write"}` | "*"

export const ALL_PERMISSIONS: Permission[] = (Object.keys(AREAS) as Area[]).flatMap((area) => [
  `${area}:read` as const,
  `${area}:write` as const,
])

export type SystemRole = {
  code: string
  name: string
  description: string
  permissions: Permission[]
}

export const SUPER_ADMIN = "super_admin"

/** The built-in roles; super admins add custom ones from the same permissions. */
export const SYSTEM_ROLES: SystemRole[] = [
  {
    code: SUPER_ADMIN,
    name: "超级管理员",
    description: "全部功能，包括角色分配与审计日志",
    permissions: ["*"],
  },
  {
    code: "operations",
    name: "运营",
    description: "商品、订单、会员、分销设置、预约与内容审核",
    permissions: [
      "catalog:write",
      "orders:write",
      "customers:write",
      "affiliate:write",
      "appointments:write",
      "moderation:write",
      "operations:read",
      "settings:read",
    ],
  },
  {
    code: "finance",
    name: "财务",
    description: "收款确认、退款、提现审核与账目导出，陪诊事件的赔付；订单与事件只读",
    // cases:read: finance pays the upheld cases and resolved disputes, so it reads them.
    permissions: ["money:write", "orders:read", "affiliate:read", "cases:read"],
  },
  {
    code: "lab",
    name: "实验室",
    description: "检测盒状态与报告上传",
    permissions: ["lab:write"],
  },
  {
    code: "service",
    name: "客服",
    description: "会员与预约；订单和检测进度只读",
    permissions: ["customers:write", "appointments:write", "orders:read", "lab:read"],
  },
  {
    // 陪诊 dispatch is its own desk: 运营 keeps the catalogue and orders, the dispatchers
    // the escort bookings; recording an offline payment stays with money:write (财务).
    code: "escort_dispatch",
    name: "陪诊调度",
    description:
      "陪诊派单与改派、陪诊员与排班、陪诊员审核与医生资质审核、异常告警、城市派单设置与医院目录",
    permissions: ["escort:write", "cases:write"],
  },
  {
    code: "expert",
    name: "专家",
    description: "查看体质辨识结果并撰写养生评估",
    permissions: ["assessments:write"],
  },
]

/** Whether `granted` allows `needed`: `*` allows all, `x:write` also allows `x:read`. */
export function allows(granted: Iterable<string>, needed: Permission): boolean {
  const set = new Set(granted)
  if (set.has("*")) return true
  if (set.has(needed)) return true
  const [area, mode] = needed.split(":")
  return mode === "read" && set.has(`${area}:write`)
}
