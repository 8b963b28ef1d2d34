import { z } from "@medusajs/framework/zod"

const yuan = z
  .number({ error: "金额须为数字（元）" })
  .positive("金额须大于 0")
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, "金额最多两位小数")

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

/** `?product_id=a&product_id=b`: the products on the page (a listing shows a few dozen). */
export const ShareEarningsQuery = z.object({
  product_id: z
    .union([z.string(), z.array(z.string())])
    .transform((ids) => [...new Set(Array.isArray(ids) ? ids : [ids])])
    .refine((ids) => ids.length >= 1 && ids.length <= 50, "请提供 1 到 50 个商品")
    .refine((ids) => ids.every((id) => /^prod_\w+$/.test(id)), "商品编号格式不正确"),
  region_id: z.string().optional(),
  currency_code: z
    .string()
    .default("cny")
    .transform((code) => code.toLowerCase()),
})
export type ShareEarningsQueryType = z.infer<typeof ShareEarningsQuery>

/** 0 removes the store credit from the cart. */
export const SetStoreCreditBody = z.object({
  amount: z
    .number({ error: "抵扣金额须为数字（元）" })
    // A refinement, because Medusa rewrites the messages of zod's built-in checks in English.
    .refine((value) => value >= 0, "抵扣金额不能为负")
    .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, "金额最多两位小数"),
})

export const BindReferrerBody = z.object({
  code: z.string({ error: "请填写推荐码" }).trim().min(4, "推荐码格式不正确").max(12),
})

export const RequestWithdrawalBody = z
  .object({
    amount: yuan,
    method: z.enum(["wechat", "bank"], { error: "提现方式须为 wechat 或 bank" }),
    payee: z
      .object({
        holder: z.string().trim().min(1).max(50),
        bank: z.string().trim().min(1).max(100),
        account_no: z
          .string()
          .trim()
          .regex(/^\d{8,30}$/, "银行卡号格式不正确"),
      })
      .optional(),
    request_key: z.string().trim().min(8, "缺少请求标识").max(100),
  })
  .refine((body) => body.method !== "bank" || body.payee, {
    message: "银行转账需填写开户名、开户行和卡号",
    path: ["payee"],
  })

export const ListWithdrawalsQuery = Pagination.extend({
  status: z.enum(["requested", "approved", "rejected", "paying", "paid", "failed"]).optional(),
})

export const UpdateSettingsBody = z.object({
  rates_percent: z
    .array(z.number().min(0).max(50), { error: "各级佣金比例须为数字数组" })
    .min(1, "至少需要设置一级佣金比例")
    .optional(),
  hold_days: z.number().int().min(0).max(365).optional(),
  min_withdrawal: yuan.optional(),
})

export const UpdateAffiliateBody = z.object({
  status: z.enum(["member", "distributor", "disabled"]),
})

export const ListAffiliatesQuery = Pagination.extend({
  status: z.enum(["member", "distributor", "disabled"]).optional(),
  code: z.string().trim().optional(),
  customer_id: z.string().trim().optional(),
})

export const LedgerQuery = Pagination.extend({
  affiliate_id: z.string().optional(),
  product_id: z.string().optional(),
  order_id: z.string().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
})

export const ReviewWithdrawalBody = z.object({
  reason: z.string().trim().max(200).optional(),
  payout_reference: z.string().trim().max(100).optional(),
})

export type PaginationType = z.infer<typeof Pagination>
export type BindReferrerBodyType = z.infer<typeof BindReferrerBody>
export type SetStoreCreditBodyType = z.infer<typeof SetStoreCreditBody>
export type RequestWithdrawalBodyType = z.infer<typeof RequestWithdrawalBody>
export type ListWithdrawalsQueryType = z.infer<typeof ListWithdrawalsQuery>
export type UpdateSettingsBodyType = z.infer<typeof UpdateSettingsBody>
export type UpdateAffiliateBodyType = z.infer<typeof UpdateAffiliateBody>
export type ListAffiliatesQueryType = z.infer<typeof ListAffiliatesQuery>
export type LedgerQueryType = z.infer<typeof LedgerQuery>
export type ReviewWithdrawalBodyType = z.infer<typeof ReviewWithdrawalBody>
