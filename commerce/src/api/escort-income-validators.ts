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

const optionalText = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.trim().length <= max), message)
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

const oneOf = <T extends string>(values: readonly T[], message: string, fallback?: T) =>
  z
    .unknown()
    .refine((v) => (v == null && fallback !== undefined) || values.includes(v as T), message)
    .transform((v) => (v ?? fallback) as T)

/** The member's confirmation, optionally with a 1–5 rating and up to 5 short tags. */
export const ConfirmEscortBookingBody = z.preprocess(
  // The confirmation is often sent without a body: that is a confirmation without rating.
  (v) => v ?? {},
  z
    .object({
      rating: z
        .unknown()
        .refine(
          (v) => v == null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5),
          "评分应为 1–5 的整数"
        )
        .transform((v) => (v as number | null | undefined) ?? null),
      tags: z
        .unknown()
        .refine(
          (v) =>
            v == null ||
            (Array.isArray(v) &&
              v.length <= 5 &&
              v.every(
                (t) => typeof t === "string" && t.trim().length > 0 && t.trim().length <= 20
              )),
          "评价标签最多 5 个，每个不超过 20 字"
        )
        .transform((v) => ((v as string[] | null) ?? []).map((t) => t.trim())),
    })
    .refine((b) => b.rating != null || b.tags.length === 0, {
      message: "选择评价标签时请同时打分",
      path: ["rating"],
    })
)

export const DisputeEscortBookingBody = z.object({
  reason: text("请填写申诉原因（不超过 500 字）", 500),
})

export const RequestEscortWithdrawalBody = RequestWithdrawalBody

export const AdminEscortEarningsQuery = z.object({
  status: optionalOneOf(
    ["pending", "available", "frozen", "reversed"] as const,
    "status 只能是 pending、available、frozen 或 reversed"
  ),
  escort_id: optionalText("陪诊员编号格式不正确", 64).transform((v) => v ?? undefined),
  ...pageQuery(50, 200),
})

export const AdminEscortDisputesQuery = z.object({
  status: optionalOneOf(["open", "resolved"] as const, "status 只能是 open 或 resolved"),
})

export const ResolveEscortDisputeBody = z
  .object({
    outcome: oneOf(
      ["release", "refund"] as const,
      "处理结果只能是 release（收入发放给陪诊员）或 refund（退款给会员）"
    ),
    refund_fen: z
      .unknown()
      .refine(
        (v) => v == null || (Number.isSafeInteger(v) && (v as number) > 0),
        "退款金额应为正整数（分）"
      )
      .transform((v) => (v as number | null | undefined) ?? undefined),
    note: optionalText("处理说明不超过 500 字", 500),
  })
  .refine((b) => b.outcome === "refund" || b.refund_fen === undefined, {
    message: "发放给陪诊员时不能填写退款金额",
    path: ["refund_fen"],
  })

export const AdminEscortWithdrawalsQuery = z.object({
  status: optionalOneOf(
    ["requested", "approved", "paying", "paid", "rejected", "failed"] as const,
    "status 只能是 requested、approved、paying、paid、rejected 或 failed"
  ),
})

export const RejectEscortWithdrawalBody = RejectWithdrawalBody

export const PayEscortWithdrawalBody = PayWithdrawalBody

const levelRule = z.object(
  {
    min_completed: z
      .unknown()
      .refine(
        (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000,
        "完成单数应为非负整数"
      )
      .transform((v) => v as number),
    min_ratings: z
      .unknown()
      .refine(
        (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000,
        "评分条数应为非负整数"
      )
      .transform((v) => v as number),
    min_rating: z
      .unknown()
      .refine((v) => typeof v === "number" && v >= 1 && v <= 5, "平均分要求应在 1–5 之间")
      .transform((v) => v as number),
  },
  { message: "请填写等级条件" }
)

export const EscortIncomeSettingsBody = z
  .object({
    share_percent: z.object(
      { trainee: percent, silver: percent, gold: percent },
      { message: "请填写各等级分成比例" }
    ),
    level_rules: z.object(
      { silver: levelRule, gold: levelRule },
      { message: "请填写银牌与金牌的等级条件" }
    ),
    release_hours: z
      .unknown()
      .refine(
        (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 720,
        "自动结算时间应为 1–720 小时的整数"
      )
      .transform((v) => v as number),
  })
  .refine(
    (b) =>
      b.level_rules.gold.min_completed >= b.level_rules.silver.min_completed &&
      b.share_percent.trainee <= b.share_percent.silver &&
      b.share_percent.silver <= b.share_percent.gold,
    { message: "金牌条件不应低于银牌，分成比例应按见习 ≤ 银牌 ≤ 金牌设置", path: ["level_rules"] }
  )

/** The escort mode's `wx.login` code, to bind the WeChat their withdrawals are paid to. */
export const BindEscortWechatBody = z.object({
  code: text("缺少微信登录凭证 code，请在小程序中点击绑定微信", 128),
})
