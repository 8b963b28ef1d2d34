import { z } from "@medusajs/framework/zod"
import { isCalendarDate } from "../modules/appointment/rules/appointment-calendar"
import { isCnIdNumber } from "../modules/escort/rules/cn-id-number"
import { ESCORT_PROGRESS_STEPS } from "../modules/escort/rules/escort-booking-status"
import {
  escortConsentsRefusal,
  type EscortConsentAcceptance,
} from "../modules/health-archive/escort-consent-kinds"
import { normalizeCnMobile } from "../lib/phone/normalize-cn-mobile"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const text = (message: string, max = 64) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

const optionalText = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.trim().length <= max), message)
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

const clock = (message: string) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(v), message)
    .transform((v) => v as string)

const location = z
  .unknown()
  .refine(
    (v) =>
      v == null ||
      (typeof v === "object" &&
        typeof (v as { lat?: unknown }).lat === "number" &&
        typeof (v as { lng?: unknown }).lng === "number" &&
        Math.abs((v as { lat: number }).lat) <= 90 &&
        Math.abs((v as { lng: number }).lng) <= 180),
    "位置格式应为 { lat, lng }"
  )
  .transform((v) =>
    v == null ? null : { lat: (v as { lat: number }).lat, lng: (v as { lng: number }).lng }
  )

/** The person a member books for, typed in: a name and a mainland ID number. */
export const PersonServedBody = z.object(
  {
    name: text("请填写就诊人姓名", 40),
    id_number: z
      .unknown()
      .refine((v) => typeof v === "string" && isCnIdNumber(v.trim()), "请填写正确的 18 位身份证号")
      .transform((v) => (v as string).trim().toUpperCase()),
  },
  { message: "请填写就诊人信息" }
)

export const CreateEscortBookingBody = z
  .object({
    // The service is the catalogue variant; its id and name come from the catalogue.
    variant_id: text("请选择陪诊服务"),
    extras: z
      .unknown()
      .refine(
        (v) =>
          v == null ||
          (Array.isArray(v) &&
            v.length <= 10 &&
            v.every((code) => typeof code === "string" && /^[a-z_]{1,32}$/.test(code))),
        "附加服务应为附加项代码列表（最多 10 项）"
      )
      .transform((v) => (v as string[] | null) ?? []),
    hospital_id: optionalText("医院编号不超过 64 字", 64),
    hospital_name: text("请选择医院"),
    department: text("请选择科室"),
    // The department's id in the hospital catalogue (GET /store/escort-hospitals).
    department_id: optionalText("科室编号不超过 64 字", 64),
    city: text("请选择城市", 32),
    date: z
      .unknown()
      .refine(
        (v) => typeof v === "string" && isCalendarDate(v),
        "请选择就诊日期（格式 YYYY-MM-DD）"
      )
      .transform((v) => v as string),
    time_window: z.object(
      {
        start: clock("请选择开始时间，如 08:00"),
        end: clock("请选择结束时间，如 12:00"),
      },
      { message: "请选择服务时段" }
    ),
    // A saved 就诊人 (GET /store/health-archive/persons); older clients send `person` instead.
    person_id: optionalText("就诊人编号不超过 64 字", 64),
    person: PersonServedBody.nullish(),
    meeting_point: text("请填写见面地点", 120),
    needs: z
      .unknown()
      .refine(
        (v) =>
          v == null ||
          (Array.isArray(v) &&
            v.length <= 10 &&
            v.every((n) => typeof n === "string" && n.trim() && n.length <= 40)),
        "特殊需求最多 10 项，每项不超过 40 字"
      )
      .transform((v) => ((v as string[] | null) ?? []).map((n) => n.trim())),
    // The exact versions of the privacy policy and the three consents the member accepted.
    consents: z
      .unknown()
      .superRefine((v, ctx) => {
        const refusal = escortConsentsRefusal(v)
        if (refusal) ctx.addIssue({ code: "custom", message: refusal })
      })
      .transform((v) =>
        (v as EscortConsentAcceptance[]).map(({ kind, version }) => ({ kind, version }))
      ),
    // The server prices the booking: a client's price is refused, never trusted.
    price_fen: z
      .unknown()
      .refine((v) => v === undefined, "价格由系统按服务与附加项计算，请勿提交 price_fen")
      .optional(),
  })
  .refine((b) => b.time_window.start < b.time_window.end, {
    message: "结束时间应晚于开始时间",
    path: ["time_window"],
  })
  .refine((b) => !!b.person_id !== !!b.person, {
    message: "请选择一位就诊人，或填写就诊人姓名和身份证号",
    path: ["person"],
  })

export const PayEscortBookingBody = z.object({
  payment_method: z.object(
    {
      provider_id: text("请选择支付方式", 64),
      channel: z.enum(["miniprogram", "wechat_browser", "pc_browser", "mobile_browser"], {
        message: "支付场景只能是 miniprogram、wechat_browser、pc_browser 或 mobile_browser",
      }),
      openid: optionalText("openid 格式不正确", 128),
    },
    { message: "请选择支付方式" }
  ),
  store_credit_fen: z
    .unknown()
    .refine(
      (v) => v == null || (Number.isSafeInteger(v) && (v as number) >= 0),
      "余额抵扣金额须为非负整数（分）"
    )
    .transform((v) => (v as number | null | undefined) ?? 0),
})

export const EscortTasksQuery = z.object({
  status: z
    .unknown()
    .refine(
      (v) => v == null || v === "open" || v === "mine" || v === "done" || v === "offered",
      "status 只能是 open、mine 或 done（或 offered：派给您的任务）"
    )
    .transform((v) => (v ?? "open") as "open" | "mine" | "done" | "offered"),
})

/** Photos sent with a step or a 报备: ids of this task's uploads (checked in the workflow). */
export const MAX_ESCORT_STEP_PHOTOS = 9
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/
const uploadIds = z
  .unknown()
  .refine(
    (v) =>
      v == null ||
      (Array.isArray(v) &&
        v.length <= MAX_ESCORT_STEP_PHOTOS &&
        v.every((id) => typeof id === "string" && UPLOAD_ID.test(id))),
    `照片最多 ${MAX_ESCORT_STEP_PHOTOS} 张，且须是本任务上传的图片`
  )
  .transform((v) => [...new Set((v as string[] | null | undefined) ?? [])])
const uploadId = z
  .unknown()
  .refine(
    (v) => v == null || (typeof v === "string" && UPLOAD_ID.test(v)),
    "照片须是本任务上传的图片"
  )
  .transform((v) => (v as string | null | undefined) ?? null)

export const EscortProgressBody = z.object({
  status: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && (ESCORT_PROGRESS_STEPS as readonly string[]).includes(v),
      `status 只能是 ${ESCORT_PROGRESS_STEPS.join("、")}`
    )
    .transform((v) => v as (typeof ESCORT_PROGRESS_STEPS)[number]),
  note: optionalText("备注不超过 500 字", 500),
  location,
  photo_upload_id: uploadId,
})

export const EscortReportBody = z.object({
  type: text("请选择报备类型", 32),
  text: text("请填写报备内容（不超过 1000 字）", 1000),
  location,
  photo_upload_ids: uploadIds,
})

/** An SOP step done during 陪同就医; commerce checks it is one of the booking's steps. */
export const EscortSopStepBody = z.object({
  step: text("请选择就医步骤", 64),
  note: optionalText("备注不超过 500 字", 500),
  location,
  photo_upload_ids: uploadIds,
})

export const CreateEscortBody = z.object({
  phone: z
    .unknown()
    .refine((v) => !!normalizeCnMobile(v), "请输入正确的中国大陆手机号")
    .transform((v) => normalizeCnMobile(v) as string),
  name: text("请填写陪诊员姓名", 40),
  city: text("请填写所在城市", 32),
  level: z
    .unknown()
    .refine(
      (v) => v == null || v === "trainee" || v === "silver" || v === "gold",
      "等级只能是 trainee、silver 或 gold"
    )
    .transform((v) => (v ?? "trainee") as "trainee" | "silver" | "gold"),
  base_location: optionalText("常驻地点不超过 120 字", 120),
})
