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
  license_number: optionalText("执业证号不超过 40 个字符", 40),
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
