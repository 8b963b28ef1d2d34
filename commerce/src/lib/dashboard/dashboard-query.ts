import { z } from "@medusajs/framework/zod"

const isRealDate = (value: string) => {
  const at = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value
}

const beijingDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name}格式应为 YYYY-MM-DD`)
    .refine(isRealDate, `${name}不是有效的日期`)
    .refine(
      (value) => value >= "2000-01-01" && value <= "2999-12-31",
      `${name}须在 2000 至 2999 年之间`
    )

export const DASHBOARD_BLOCKS = [
  "sales",
  "conversion",
  "members",
  "affiliates",
  "kits",
  "appointments",
  "constitution",
  "regions",
] as const

export type DashboardBlock = (typeof DASHBOARD_BLOCKS)[number]

/** 数据统计 query: Beijing dates, `to` inclusive, at most a leap year. */
export const DashboardQuery = z
  .object({
    from: beijingDate("开始日期"),
    to: beijingDate("结束日期"),
    granularity: z
      .enum(["day", "week", "month"], { message: "统计粒度须为 day、week 或 month" })
      .default("day"),
    block: z.enum(DASHBOARD_BLOCKS, { message: "统计板块不存在" }).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["to"] })
  .refine(
    (q) => (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000 < 366,
    { message: "统计区间不能超过 366 天", path: ["to"] }
  )

export type DashboardQueryType = z.infer<typeof DashboardQuery>
