import { ALIPAY_PROVIDER_ID } from "@health/medusa-plugin-alipay"
import { UNIONPAY_PROVIDER_ID } from "@health/medusa-plugin-unionpay"
import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import { z } from "@medusajs/framework/zod"
import { beijingDateOf } from "../../../../workflows/payments/reconciliation/beijing-day"
import { billDayOf } from "../../../../workflows/payments/reconciliation/clearing-day"

const isRealDate = (value: string) => {
  const at = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value
}

const billDate = z
  .string({ error: "请填写账单日期" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "账单日期格式应为 YYYY-MM-DD")
  .refine(isRealDate, "账单日期不是有效的日期")

const page = {
  limit: z.coerce.number().int("每页条数应为整数").min(1).max(100).default(20),
  offset: z.coerce.number().int("偏移量应为整数").min(0).default(0),
}

/** The providers whose bills are reconciled: WeChat Pay, Alipay, UnionPay. */
const providerId = z.enum([WECHATPAY_PROVIDER_ID, ALIPAY_PROVIDER_ID, UNIONPAY_PROVIDER_ID], {
  message: "支付渠道只能是微信支付、支付宝或银联",
})

export const ReconciliationRunsQuery = z.object({
  bill_date: billDate.optional(),
  provider_id: providerId.optional(),
  ...page,
})
export type ReconciliationRunsQueryType = z.infer<typeof ReconciliationRunsQuery>

/**
 * A provider has a day's bill only once the day is over (Beijing time; UnionPay's clearing
 * day turns at 23:00, so from then on its day is tomorrow's date); the sandboxes serve the
 * current day too.
 */
export const CreateReconciliationRunBody = z
  .object({
    bill_date: billDate,
    /** One provider; without it, every provider the shop takes. */
    provider_id: providerId.optional(),
  })
  .refine(
    (body) =>
      body.bill_date <=
      (body.provider_id ? billDayOf(body.provider_id, new Date()) : beijingDateOf(new Date())),
    { message: "账单日期不能晚于今天（北京时间）", path: ["bill_date"] }
  )
export type CreateReconciliationRunBodyType = z.infer<typeof CreateReconciliationRunBody>

export const ReconciliationDifferencesQuery = z.object({
  resolved: z.enum(["true", "false"], { message: "resolved 只能是 true 或 false" }).optional(),
  ...page,
  limit: z.coerce.number().int().min(1).max(200).default(100),
})
export type ReconciliationDifferencesQueryType = z.infer<typeof ReconciliationDifferencesQuery>

export const ResolveDifferenceBody = z.object({
  note: z
    .string({ error: "请填写处理说明" })
    .trim()
    .min(2, "处理说明至少 2 个字")
    .max(1000, "处理说明最多 1000 个字"),
})
export type ResolveDifferenceBodyType = z.infer<typeof ResolveDifferenceBody>

export const OfflineReceiptsQuery = z.object({
  problem: z
    .enum(["missing_reference", "duplicate_reference"], {
      message: "problem 只能是 missing_reference 或 duplicate_reference",
    })
    .optional(),
  ...page,
})
export type OfflineReceiptsQueryType = z.infer<typeof OfflineReceiptsQuery>

export const RecordOfflineReceiptBody = z.object({
  payment_id: z
    .string({ error: "请指定收款记录" })
    .trim()
    .regex(/^pay_[A-Za-z0-9]+$/, "收款记录编号格式不正确"),
  bank_reference: z
    .string({ error: "请填写银行流水号" })
    .trim()
    .min(4, "银行流水号至少 4 位")
    .max(64, "银行流水号最多 64 位")
    .regex(/^[A-Za-z0-9-]+$/, "银行流水号只能包含字母、数字和连字符"),
})
export type RecordOfflineReceiptBodyType = z.infer<typeof RecordOfflineReceiptBody>
