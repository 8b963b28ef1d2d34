import { z } from "@medusajs/framework/zod"
import { MAX_ADVICE_CHARS } from "../modules/consultation/rules/advice-note"
import { MAX_MESSAGE_TEXT_CHARS } from "../modules/escort-messaging/rules/message-limits"
import { PayEscortBookingBody } from "./escort-validators"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const isId = (v: unknown) => typeof v === "string" && v.length > 0 && v.length <= 100

const optionalId = (message: string) =>
  z
    .unknown()
    .refine((v) => v == null || v === "" || isId(v), message)
    .transform((v) => (typeof v === "string" && v ? v : null))

const requiredId = (message: string) =>
  z
    .unknown()
    .refine(isId, message)
    .transform((v) => v as string)

const optionalText = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.trim().length <= max), message)
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

export const CreateConsultationBody = z.object({
  doctor_id: requiredId("请选择医生"),
  mode: z.enum(["text", "phone", "video"], { message: "问诊方式只能是 text、phone 或 video" }),
  question: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length >= 5 && v.trim().length <= 2000,
      "请描述您的问题（5 至 2000 字）"
    )
    .transform((v) => (v as string).trim()),
  slot: optionalText("预约时段格式不正确", 40),
})

/** Paying a consultation takes what paying an escort booking takes. */
export const PayConsultationBody = PayEscortBookingBody

export const ConsultationMessageBody = z
  .object({
    text: optionalText(
      `消息最多 ${MAX_MESSAGE_TEXT_CHARS} 个字，请分几条发送`,
      MAX_MESSAGE_TEXT_CHARS
    ),
    attachment_id: optionalId("附件编号无效，请重新上传"),
  })
  .refine((body) => body.text || body.attachment_id, "请输入消息内容或选择一个附件")

export const ConsultationMessagesQuery = z.object({
  after: optionalId("after 应为一条消息的编号"),
})

export const ShareArchiveItemBody = z.object({
  item_type: z.enum(["report", "upload"], {
    message: "资料类型只能是 report（检测报告）或 upload（上传的病历）",
  }),
  item_id: requiredId("请选择要共享的档案资料"),
})

export const DoctorQueueQuery = z.object({
  tab: z
    .unknown()
    .refine(
      (v) => v == null || v === "waiting" || v === "active" || v === "done",
      "tab 只能是 waiting（待接诊）、active（进行中）或 done（已完成）"
    )
    .transform((v) => (v ?? "waiting") as "waiting" | "active" | "done"),
})

export const DeclineConsultationBody = z.object({
  reason: optionalText("婉拒理由不超过 200 字", 200),
})

export const ConsultationAdviceBody = z.object({
  health_advice: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length >= 1 && v.trim().length <= MAX_ADVICE_CHARS,
      `请填写健康建议（不超过 ${MAX_ADVICE_CHARS} 字）`
    )
    .transform((v) => (v as string).trim()),
  follow_up_advice: optionalText(`复诊建议不超过 ${MAX_ADVICE_CHARS} 字`, MAX_ADVICE_CHARS),
})

const time = /^([01]\d|2[0-3]):[0-5]\d$/
const isRanges = (v: unknown) =>
  Array.isArray(v) &&
  v.length <= 6 &&
  v.every(
    (r) =>
      Array.isArray(r) &&
      r.length === 2 &&
      time.test(String(r[0])) &&
      time.test(String(r[1])) &&
      r[0] < r[1]
  )

export const DoctorScheduleBody = z.object({
  on_duty: z
    .unknown()
    .refine((v) => v == null || typeof v === "boolean", "on_duty 只能是 true 或 false")
    .transform((v) => (typeof v === "boolean" ? v : undefined)),
  weekly_schedule: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        (typeof v === "object" &&
          !Array.isArray(v) &&
          Object.entries(v as object).every(
            ([day, ranges]) => /^[1-7]$/.test(day) && isRanges(ranges)
          )),
      '每周排班格式为 { "1": [["09:00","12:00"]] }，1 至 7 表示周一至周日'
    )
    .transform((v) => (v ?? undefined) as Record<string, [string, string][]> | undefined),
})

const fen = (message: string) =>
  z
    .unknown()
    .refine(
      (v) =>
        v == null || (Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= 10_000_000),
      message
    )
    .transform((v) => (v as number | null | undefined) ?? undefined)

export const UpdateDoctorBody = z.object({
  phone: z
    .unknown()
    .refine(
      (v) =>
        v == null || (typeof v === "string" && /^(\+?86)?1\d{10}$/.test(v.replace(/[\s-]/g, ""))),
      "请输入正确的中国大陆手机号"
    )
    .transform((v) => (typeof v === "string" ? v : undefined)),
  // Absent keeps the licence (and its verification); null or "" clears it.
  license_number: z
    .unknown()
    .refine(
      (v) => v == null || (typeof v === "string" && v.trim().length <= 40),
      "执业证号不超过 40 个字符"
    )
    .transform((v) =>
      v === undefined ? undefined : typeof v === "string" && v.trim() ? v.trim() : null
    ),
  prices: z
    .object(
      {
        text: fen("图文问诊价格须为正整数（分）"),
        phone: fen("电话问诊价格须为正整数（分）"),
        video: fen("视频问诊价格须为正整数（分）"),
      },
      { message: "价格格式为 { text, phone, video }，单位为分" }
    )
    .optional(),
})

const isSlotModes = (v: unknown) =>
  Array.isArray(v) &&
  v.length >= 1 &&
  v.length <= 2 &&
  new Set(v).size === v.length &&
  v.every((m) => m === "phone" || m === "video")
const isSlotMinutes = (v: unknown) =>
  Number.isSafeInteger(v) && (v as number) >= 10 && (v as number) <= 120
const isCapacity = (v: unknown) =>
  Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 20

/** One weekly window of the 在线诊室's schedule editor. */
const ScheduleRuleInput = z
  .object({
    weekday: z
      .unknown()
      .refine(
        (v) => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 7,
        "weekday 为 1 至 7（周一至周日）"
      )
      .transform((v) => v as number),
    start: z
      .unknown()
      .refine((v) => typeof v === "string" && time.test(v), "开始时间格式为 HH:MM")
      .transform((v) => v as string),
    end: z
      .unknown()
      .refine((v) => typeof v === "string" && time.test(v), "结束时间格式为 HH:MM")
      .transform((v) => v as string),
    slot_minutes: z
      .unknown()
      .refine(isSlotMinutes, "每个时段时长为 10 至 120 分钟")
      .transform((v) => v as number),
    modes: z
      .unknown()
      .refine(isSlotModes, "问诊方式须为 phone（电话）和/或 video（视频）")
      .transform((v) => v as ("phone" | "video")[]),
    capacity: z
      .unknown()
      .refine((v) => v == null || isCapacity(v), "每个时段可约人数为 1 至 20")
      .transform((v) => (v as number | null | undefined) ?? 1),
  })
  .refine((r) => r.start < r.end, "结束时间须晚于开始时间")

export const DoctorScheduleRulesBody = z.object({
  rules: z
    .array(ScheduleRuleInput, { message: "rules 须为排班时段列表" })
    .max(50, "每周最多 50 个排班时段"),
})

const isDate = (v: unknown) =>
  typeof v === "string" &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
const optionalTime = (message: string) =>
  z
    .unknown()
    .refine((v) => v == null || v === "" || (typeof v === "string" && time.test(v)), message)
    .transform((v) => (typeof v === "string" && v ? v : null))

export const DoctorScheduleExceptionBody = z
  .object({
    date: z
      .unknown()
      .refine(isDate, "日期格式为 YYYY-MM-DD")
      .transform((v) => v as string),
    kind: z.enum(["day_off", "extra_hours"], {
      message: "类型只能是 day_off（停诊）或 extra_hours（加诊）",
    }),
    start: optionalTime("开始时间格式为 HH:MM"),
    end: optionalTime("结束时间格式为 HH:MM"),
    slot_minutes: z
      .unknown()
      .refine((v) => v == null || isSlotMinutes(v), "每个时段时长为 10 至 120 分钟")
      .transform((v) => (v as number | null | undefined) ?? null),
    modes: z
      .unknown()
      .refine((v) => v == null || isSlotModes(v), "问诊方式须为 phone（电话）和/或 video（视频）")
      .transform((v) => (v as ("phone" | "video")[] | null | undefined) ?? null),
    capacity: z
      .unknown()
      .refine((v) => v == null || isCapacity(v), "每个时段可约人数为 1 至 20")
      .transform((v) => (v as number | null | undefined) ?? null),
    note: optionalText("备注不超过 100 字", 100),
  })
  .refine((e) => !e.start === !e.end, "请同时填写开始和结束时间，或都不填（整天停诊）")
  .refine((e) => !e.start || !e.end || e.start < e.end, "结束时间须晚于开始时间")
  .refine((e) => e.kind === "day_off" || (e.start && e.end), "加诊须填写开始和结束时间")

const isInstant = (v: unknown) =>
  typeof v === "string" && v.length <= 40 && (isDate(v) || !Number.isNaN(Date.parse(v)))

/** `from`/`to`: a Beijing date (`YYYY-MM-DD`, from its midnight) or an ISO instant. */
export const DoctorSlotsQuery = z.object({
  from: z
    .unknown()
    .refine((v) => v == null || v === "" || isInstant(v), "from 须为日期（YYYY-MM-DD）或 ISO 时间")
    .transform((v) => (typeof v === "string" && v ? v : null)),
  to: z
    .unknown()
    .refine((v) => v == null || v === "" || isInstant(v), "to 须为日期（YYYY-MM-DD）或 ISO 时间")
    .transform((v) => (typeof v === "string" && v ? v : null)),
})

export const PatientNoteBody = z.object({
  text: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length >= 1 && v.trim().length <= 2000,
      "请填写笔记（不超过 2000 字）"
    )
    .transform((v) => (v as string).trim()),
})

export const FollowUpBody = z.object({
  date: z
    .unknown()
    .refine(isDate, "复诊日期格式为 YYYY-MM-DD")
    .transform((v) => v as string),
  note: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length >= 1 && v.trim().length <= 500,
      "请填写复诊说明（不超过 500 字）"
    )
    .transform((v) => (v as string).trim()),
  consultation_id: optionalId("问诊编号无效"),
})
