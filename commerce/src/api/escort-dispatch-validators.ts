import { z } from "@medusajs/framework/zod"
import { isCalendarDate } from "../modules/appointment/rules/appointment-calendar"
import { normalizeCnMobile } from "../lib/phone/normalize-cn-mobile"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

export const DispatchSettingBody = z.object({
  city: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= 32,
      "请填写城市"
    )
    .transform((v) => (v as string).trim()),
  mode: z
    .unknown()
    .refine((v) => v === "grab" || v === "auto", "派单模式只能是 grab（抢单）或 auto（自动派单）")
    .transform((v) => v as "grab" | "auto"),
  accept_minutes: z
    .unknown()
    .refine(
      (v) => v == null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 240),
      "接单时限应为 1–240 之间的整数（分钟）"
    )
    .transform((v) => (v ?? 10) as number),
})

export const EscortScheduleBody = z
  .object({
    weekdays: z
      .unknown()
      .refine(
        (v) =>
          Array.isArray(v) &&
          v.length <= 7 &&
          v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
        "可接单星期应为 1（周一）到 7（周日）的数组"
      )
      .transform((v) => v as number[]),
    start_time: z
      .unknown()
      .refine((v) => typeof v === "string" && CLOCK.test(v), "开始时间格式应为 HH:MM")
      .transform((v) => v as string),
    end_time: z
      .unknown()
      .refine((v) => typeof v === "string" && CLOCK.test(v), "结束时间格式应为 HH:MM")
      .transform((v) => v as string),
    days_off: z
      .unknown()
      .refine(
        (v) =>
          v == null ||
          (Array.isArray(v) &&
            v.length <= 366 &&
            v.every((d) => typeof d === "string" && isCalendarDate(d))),
        "休息日应为 YYYY-MM-DD 格式的日期数组"
      )
      .transform((v) => (v ?? []) as string[]),
  })
  .refine((b) => b.start_time < b.end_time, {
    message: "排班结束时间应晚于开始时间",
    path: ["end_time"],
  })

export const AssignEscortBody = z.object({
  escort_id: z
    .unknown()
    .refine((v) => typeof v === "string" && /^esc_[0-9A-Za-z]{1,64}$/.test(v), "请选择陪诊员")
    .transform((v) => v as string),
})

export const DispatchAlertsQuery = z.object({
  status: z
    .unknown()
    .refine(
      (v) => v == null || v === "open" || v === "resolved" || v === "all",
      "status 只能是 open、resolved 或 all"
    )
    .transform((v) => (v ?? "open") as "open" | "resolved" | "all"),
})

export const ResolveDispatchAlertBody = z.object({
  note: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= 500,
      "请填写处理说明（不超过 500 字）"
    )
    .transform((v) => (v as string).trim()),
})

/** One roster line: a staff mobile on duty on these weekdays and Beijing hours. */
const DutyShiftBody = z.object(
  {
    phone: z
      .unknown()
      .refine((v) => normalizeCnMobile(v) !== null, "值班手机号应为 11 位中国大陆手机号")
      .transform((v) => normalizeCnMobile(v)!),
    name: z
      .unknown()
      .refine(
        (v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= 32,
        "请填写值班人姓名（不超过 32 字）"
      )
      .transform((v) => (v as string).trim()),
    weekdays: z
      .unknown()
      .refine(
        (v) =>
          Array.isArray(v) &&
          v.length > 0 &&
          v.length <= 7 &&
          v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
        "值班星期应为 1（周一）到 7（周日）的数组，至少选一天"
      )
      .transform((v) => [...new Set(v as number[])].sort()),
    start_time: z
      .unknown()
      .refine((v) => typeof v === "string" && CLOCK.test(v), "值班开始时间格式应为 HH:MM")
      .transform((v) => v as string),
    end_time: z
      .unknown()
      .refine((v) => typeof v === "string" && CLOCK.test(v), "值班结束时间格式应为 HH:MM")
      .transform((v) => v as string),
  },
  { message: "每行值班安排应包含手机号、姓名、星期和时间" }
)

/** The whole on-duty roster; an end at or before the start is a night shift. */
export const PutDutyRosterBody = z.object({
  shifts: z
    .array(DutyShiftBody, { message: "shifts 应为值班安排数组" })
    .max(100, "值班安排最多 100 行"),
})
