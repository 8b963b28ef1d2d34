import { z } from "@medusajs/framework/zod"
import {
  FINANCE_CHANNELS,
  FINANCE_FIGURES,
  FINANCE_GROUP_BYS,
  FINANCE_ORDER_STATUSES,
} from "../../../workflows/finance/finance-period"

/** The longest period one report covers, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366

/** The most rows one page of a drill-down answers. */
export const MAX_ENTRIES_PAGE = 200

const isRealDate = (value: string) => {
  const at = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value
}

const beijingDate = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name}格式应为 YYYY-MM-DD`)
    .refine(isRealDate, `${name}不是有效的日期`)
    // The previous period of an early date would reach before year 1, which Postgres refuses.
    .refine(
      (value) => value >= "2000-01-01" && value <= "2999-12-31",
      `${name}须在 2000 至 2999 年之间`
    )

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1

const id = (name: string) =>
  z
    .string()
    .trim()
    .max(100)
    .regex(/^[A-Za-z0-9_]+$/, `${name}编号格式不正确`)
    .optional()

/** A period of Beijing dates (`to` inclusive) and the filters every finance read takes. */
const periodAndFilters = z.object({
  from: beijingDate("开始日期"),
  to: beijingDate("结束日期"),
  product_id: id("商品"),
  category_id: id("分类"),
  customer_id: id("会员"),
  channel: z.enum(FINANCE_CHANNELS).optional(),
  provider_id: id("支付方式"),
  order_status: z.enum(FINANCE_ORDER_STATUSES).optional(),
})

type PeriodFields = { from: string; to: string }

/** The period rules: `from` not after `to`, at most MAX_PERIOD_DAYS. */
function withPeriodRules<T extends z.ZodType<PeriodFields>>(schema: T) {
  return schema
    .refine((q) => q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["from"] })
    .refine((q) => daysBetween(q.from, q.to) <= MAX_PERIOD_DAYS, {
      message: `统计区间最长 ${MAX_PERIOD_DAYS} 天`,
      path: ["to"],
    })
}

/** Paging of a list: at most MAX_ENTRIES_PAGE rows a page. */
const paging = {
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_ENTRIES_PAGE).default(50),
}

/**
 * A period, filters and an optional breakdown; a breakdown other than by day can be paged
 * (top groups by money paid), the totals still over everything.
 */
export const FinanceSummaryQuery = withPeriodRules(
  periodAndFilters.extend({
    group_by: z.enum(FINANCE_GROUP_BYS).optional(),
    offset: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_ENTRIES_PAGE).optional(),
  })
).refine(
  (q) =>
    (q.offset === undefined && q.limit === undefined) ||
    (q.group_by !== undefined && q.group_by !== "day"),
  { message: "只有按商品、分类、渠道、支付方式或会员的明细可以分页", path: ["limit"] }
)

export type FinanceSummaryQueryType = z.infer<typeof FinanceSummaryQuery>

/** The rows behind one figure, paged. */
export const FinanceEntriesQuery = withPeriodRules(
  periodAndFilters.extend({
    figure: z.enum(FINANCE_FIGURES),
    ...paging,
  })
)

export type FinanceEntriesQueryType = z.infer<typeof FinanceEntriesQuery>

const period = z.object({ from: beijingDate("开始日期"), to: beijingDate("结束日期") })

/** 分销核算 over a period, optionally of one affiliate, paged. */
export const CommissionAccountsQuery = withPeriodRules(
  period.extend({ affiliate_id: id("分销商"), ...paging })
)

export type CommissionAccountsQueryType = z.infer<typeof CommissionAccountsQuery>

/** The ledger lines behind one figure of one affiliate. */
export const CommissionEntriesQuery = withPeriodRules(
  period.extend({
    figure: z.enum(["accrued", "reversed", "matured", "withdrawn", "all"]).default("all"),
    ...paging,
  })
)

export type CommissionEntriesQueryType = z.infer<typeof CommissionEntriesQuery>

/** A monthly statement: the month, in Beijing time, as an Excel workbook (default) or a PDF. */
export const CommissionStatementQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM")
    .refine((value) => value >= "2000-01", "月份不在有效范围内"),
  format: z.enum(["xlsx", "pdf"]).default("xlsx"),
})

export type CommissionStatementQueryType = z.infer<typeof CommissionStatementQuery>
