import { z } from "@medusajs/framework/zod"

// zod rules the income routes share (escort income and doctor income). Medusa rewrites zod's
// own messages in English: every rule here carries its Chinese one.

/** A whole positive amount in fen, at most `max`. */
export const wholeFen = (message: string, max = 100_000_000) =>
  z
    .unknown()
    .refine((v) => Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= max, message)
    .transform((v) => v as number)

/** Required text, trimmed, 1 to `max` characters. */
export const text = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

/** One of `values`, or nothing (absent or empty). */
export const optionalOneOf = <T extends string>(values: readonly T[], message: string) =>
  z
    .unknown()
    .refine((v) => v == null || v === "" || values.includes(v as T), message)
    .transform((v) => (v == null || v === "" ? undefined : (v as T)))

/** A whole percent 0–100. */
export const percent = z
  .unknown()
  .refine(
    (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100,
    "分成比例应为 0–100 的整数"
  )
  .transform((v) => v as number)

/** `limit` (1–`max`, `defaultLimit` when absent) and `offset` query parameters. */
export const pageQuery = (defaultLimit: number, max: number) => ({
  limit: z
    .unknown()
    .refine(
      (v) => v == null || (/^\d+$/.test(String(v)) && Number(v) >= 1 && Number(v) <= max),
      `limit 应为 1–${max} 的整数`
    )
    .transform((v) => (v == null ? defaultLimit : Number(v))),
  offset: z
    .unknown()
    .refine((v) => v == null || /^\d{1,7}$/.test(String(v)), "offset 应为非负整数")
    .transform((v) => (v == null ? 0 : Number(v))),
})

/** POST …/withdrawals `{ amount_fen }`: a payee asks for part of their balance. */
export const RequestWithdrawalBody = z.object({
  amount_fen: wholeFen("提现金额应为正整数（分），且不超过 100 万元"),
})

/** POST /admin/…/withdrawals/:id/pay `{ reference }`: the bank transfer's reference. */
export const PayWithdrawalBody = z.object({
  reference: text("请填写银行转账流水号（不超过 64 字）", 64),
})

/** POST /admin/…/withdrawals/:id/reject `{ reason }`. */
export const RejectWithdrawalBody = z.object({
  reason: text("请填写驳回原因（不超过 200 字）", 200),
})
