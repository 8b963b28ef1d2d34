import { z } from "@medusajs/framework/zod"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const text = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

const page = (defaultLimit: number) => ({
  limit: z
    .unknown()
    .refine(
      (v) => v == null || (/^\d+$/.test(String(v)) && Number(v) >= 1 && Number(v) <= 100),
      "limit 应为 1–100 的整数"
    )
    .transform((v) => (v == null ? defaultLimit : Number(v))),
  offset: z
    .unknown()
    .refine((v) => v == null || /^\d{1,7}$/.test(String(v)), "offset 应为非负整数")
    .transform((v) => (v == null ? 0 : Number(v))),
})

/** GET /doctor/income?limit=&offset=: the earnings page. */
export const DoctorIncomeQuery = z.object(page(20))

/** POST /doctor/income/withdrawals `{ amount_fen }`. */
export const RequestDoctorWithdrawalBody = z.object({
  amount_fen: z
    .unknown()
    .refine(
      (v) => Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= 100_000_000,
      "提现金额应为正整数（分），且不超过 100 万元"
    )
    .transform((v) => v as number),
})

export const AdminDoctorWithdrawalsQuery = z.object({
  status: z
    .unknown()
    .refine(
      (v) => v == null || v === "" || ["requested", "paid", "rejected"].includes(v as string),
      "status 只能是 requested、paid 或 rejected"
    )
    .transform((v) =>
      v == null || v === "" ? undefined : (v as "requested" | "paid" | "rejected")
    ),
  doctor_id: z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.length <= 64), "医生编号格式不正确")
    .transform((v) => (typeof v === "string" && v ? v : undefined)),
  ...page(50),
})

export const PayDoctorWithdrawalBody = z.object({
  reference: text("请填写银行转账流水号（不超过 64 字）", 64),
})

export const RejectDoctorWithdrawalBody = z.object({
  reason: text("请填写驳回原因（不超过 200 字）", 200),
})

const percent = z
  .unknown()
  .refine(
    (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100,
    "分成比例应为 0–100 的整数"
  )
  .transform((v) => v as number)

const fee = z
  .unknown()
  .refine(
    (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 10_000_000,
    "固定报酬应为 0–10 万元之间的整数（分）"
  )
  .transform((v) => v as number)

/** POST /admin/doctor-income/settings: shares per mode, fixed fees, hold hours. */
export const DoctorIncomeSettingsBody = z.object({
  share_percent: z.object({ text: percent, phone: percent, video: percent }),
  assessment_fee_fen: fee,
  group_session_fee_fen: fee,
  hold_hours: z
    .unknown()
    .refine(
      (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 24 * 90,
      "结算等待时间应为 0–2160 的整数（小时）"
    )
    .transform((v) => v as number),
})
