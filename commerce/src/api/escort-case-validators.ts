import { z } from "@medusajs/framework/zod"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const fen = (message: string, { min, max = 100_000_000 }: { min: number; max?: number }) =>
  z
    .unknown()
    .refine((v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max, message)
    .transform((v) => v as number)

const text = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

const optionalText = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.trim().length <= max), message)
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

const optionalOneOf = <T extends string>(values: readonly T[], message: string) =>
  z
    .unknown()
    .refine((v) => v == null || v === "" || values.includes(v as T), message)
    .transform((v) => (v == null || v === "" ? undefined : (v as T)))

const optionalId = (message: string) =>
  z
    .unknown()
    .refine(
      (v) => v == null || v === "" || (typeof v === "string" && /^[\w-]{1,64}$/.test(v)),
      message
    )
    .transform((v) => (v == null || v === "" ? undefined : (v as string)))

const page = (max: number) => ({
  limit: z
    .unknown()
    .refine((v) => v == null || /^\d{1,3}$/.test(String(v)), `limit 应为 1–${max} 的整数`)
    .transform((v) => (v == null ? undefined : Math.min(Math.max(Number(v), 1), max))),
  offset: z
    .unknown()
    .refine((v) => v == null || /^\d{1,7}$/.test(String(v)), "offset 应为非负整数")
    .transform((v) => (v == null ? undefined : Number(v))),
})

export const AdminEscortCasesQuery = z.object({
  status: optionalOneOf(
    ["open", "investigating", "upheld", "dismissed", "closed"] as const,
    "status 只能是 open、investigating、upheld、dismissed 或 closed"
  ),
  source: optionalOneOf(
    ["dispute", "report", "alert"] as const,
    "source 只能是 dispute、report 或 alert"
  ),
  owner_id: optionalId("owner_id 格式不正确"),
  booking_id: optionalId("booking_id 格式不正确"),
  ...page(200),
})

export const OpenEscortCaseBody = z.object({
  from: z
    .unknown()
    .refine(
      (v) => v === "dispute" || v === "alert",
      "from 只能是 dispute（会员申诉）或 alert（报备与异常告警）"
    )
    .transform((v) => v as "dispute" | "alert"),
  source_id: text("请填写申诉或告警的编号", 64),
})

export const AssignEscortCaseBody = z.preprocess(
  (v) => v ?? {},
  z.object({ owner_id: optionalId("owner_id 格式不正确") })
)

export const NoteEscortCaseBody = z.object({ body: text("请填写备注（不超过 1000 字）", 1000) })

export const UpholdEscortCaseBody = z.object({
  compensation_fen: fen("赔付金额应为 0 至 1,000,000 元之间的整数（分）", { min: 0 }),
  note: text("请填写认定说明（不超过 500 字）", 500),
})

export const DismissEscortCaseBody = z.object({
  note: text("请填写不成立的理由（不超过 500 字）", 500),
})

export const CloseEscortCaseBody = z.preprocess(
  (v) => v ?? {},
  z.object({ note: optionalText("结案说明不超过 500 字", 500) })
)

export const FileEscortInsuranceClaimBody = z.object({
  amount_fen: fen("理赔金额应为正整数（分）", { min: 1 }),
  description: optionalText("理赔说明不超过 500 字", 500),
})

export const AdminGuaranteeFundQuery = z.object({
  kind: optionalOneOf(
    ["fund_in", "compensation_paid", "recovery_from_escort", "recovery_from_insurer"] as const,
    "kind 只能是 fund_in、compensation_paid、recovery_from_escort 或 recovery_from_insurer"
  ),
  case_id: optionalId("case_id 格式不正确"),
  ...page(500),
})

export const FundGuaranteeBody = z.object({
  amount_fen: fen("注资金额应为正整数（分）", { min: 1 }),
  idempotency_key: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && /^[\w:-]{8,100}$/.test(v),
      "请提供 8–100 位的幂等键（字母、数字、-、_ 或 :）"
    )
    .transform((v) => v as string),
  note: text("请填写注资说明（不超过 200 字）", 200),
})
