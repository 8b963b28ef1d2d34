import { z } from "@medusajs/framework/zod"
import {
  optionalOneOf,
  pageQuery,
  PayWithdrawalBody,
  percent,
  RejectWithdrawalBody,
  RequestWithdrawalBody,
  text,
} from "../lib/income/income-validators"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const page = (defaultLimit: number) => pageQuery(defaultLimit, 100)

/** GET /doctor/income?limit=&offset=: the earnings page. */
export const DoctorIncomeQuery = z.object(page(20))

/** POST /doctor/income/withdrawals `{ amount_fen }`. */
export const RequestDoctorWithdrawalBody = RequestWithdrawalBody

export const AdminDoctorWithdrawalsQuery = z.object({
  status: optionalOneOf(
    ["requested", "approved", "paying", "paid", "rejected", "failed"] as const,
    "status 只能是 requested、approved、paying、paid、rejected 或 failed"
  ),
  doctor_id: z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.length <= 64), "医生编号格式不正确")
    .transform((v) => (typeof v === "string" && v ? v : undefined)),
  ...page(50),
})

export const PayDoctorWithdrawalBody = PayWithdrawalBody

export const RejectDoctorWithdrawalBody = RejectWithdrawalBody

/** The mini-program's `wx.login` code, to bind the WeChat the doctor's withdrawals are paid to. */
export const BindDoctorWechatBody = z.object({
  code: text("缺少微信登录凭证 code，请在小程序中点击绑定微信", 128),
})

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
