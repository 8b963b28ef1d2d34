import { z } from "@medusajs/framework/zod"
import { FINANCE_GROUP_BYS } from "../../../workflows/finance/finance-period"

/** The longest period one report covers, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366

const isRealDate = (value: string) => {
  const at = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value
}

const beijingDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name}格式应为 YYYY-MM-DD`)
    .refine(isRealDate, `${name}不是有效的日期`)

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1

/** A period of Beijing dates, `to` inclusive, and an optional breakdown. */
export const FinanceSummaryQuery = z
  .object({
    from: beijingDate("开始日期"),
    to: beijingDate("结束日期"),
    group_by: z.enum(FINANCE_GROUP_BYS).optional(),
  })
  .refine((q) => q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["from"] })
  .refine((q) => daysBetween(q.from, q.to) <= MAX_PERIOD_DAYS, {
    message: `统计区间最长 ${MAX_PERIOD_DAYS} 天`,
    path: ["to"],
  })

export type FinanceSummaryQueryType = z.infer<typeof FinanceSummaryQuery>
