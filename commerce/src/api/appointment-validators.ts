import { z } from "@medusajs/framework/zod"
import { isCalendarDate, isSlotFormat } from "../modules/appointment/rules/appointment-calendar"
import { APPOINTMENT_STATUSES } from "../modules/appointment/rules/appointment-status"
import { normalizeCnMobile } from "../lib/phone/normalize-cn-mobile"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

/** A required string, trimmed, at most `max` characters. */
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

const date = (message = "请选择日期（格式 YYYY-MM-DD）") =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && isCalendarDate(v), message)
    .transform((v) => v as string)

const slot = z
  .unknown()
  .refine((v) => typeof v === "string" && isSlotFormat(v), "请选择时段，如 09:00-10:00")
  .transform((v) => v as string)

export const BookAppointmentBody = z.object({
  site_id: text("请选择采集点"),
  date: date(),
  slot,
  person_name: optionalText("到店人姓名不超过 40 字", 40),
  person_phone: z
    .unknown()
    .refine(
      (v) => v == null || v === "" || (typeof v === "string" && !!normalizeCnMobile(v)),
      "请填写正确的 11 位手机号，或留空"
    )
    .transform((v) => (typeof v === "string" && v ? normalizeCnMobile(v) : null)),
  order_id: optionalText("订单号格式不正确", 64),
})

export type BookAppointmentBodyType = z.infer<typeof BookAppointmentBody>

export const RescheduleAppointmentBody = z.object({ date: date("请选择新的日期"), slot })

export type RescheduleAppointmentBodyType = z.infer<typeof RescheduleAppointmentBody>

export const CancelAppointmentBody = z.object({
  reason: optionalText("取消原因不超过 200 字", 200),
})

export type CancelAppointmentBodyType = z.infer<typeof CancelAppointmentBody>

export const AvailabilityQuery = z.object({
  site_id: text("请选择采集点"),
  from: z
    .unknown()
    .refine(
      (v) => v == null || (typeof v === "string" && isCalendarDate(v)),
      "起始日期格式为 YYYY-MM-DD"
    )
    .transform((v) => (v as string | undefined) ?? null),
  days: z
    .unknown()
    .refine((v) => v == null || /^\d{1,2}$/.test(String(v)), "天数须为 1 到 31 之间的整数")
    .transform((v) => Math.min(31, Math.max(1, Number(v ?? 7)))),
})

export type AvailabilityQueryType = z.infer<typeof AvailabilityQuery>

export const AdminDayQuery = z.object({
  date: z
    .unknown()
    .refine(
      (v) => v == null || (typeof v === "string" && isCalendarDate(v)),
      "日期格式为 YYYY-MM-DD"
    )
    .transform((v) => (v as string | undefined) ?? null),
  site_id: optionalText("采集点编号格式不正确", 64),
  /** One order's appointments on any day, for the order page (the day is then ignored). */
  order_id: optionalText("订单号格式不正确", 64),
  status: z
    .unknown()
    .refine(
      (v) => v == null || v === "" || (APPOINTMENT_STATUSES as readonly unknown[]).includes(v),
      "未知的预约状态"
    )
    .transform((v) => (v ? (v as (typeof APPOINTMENT_STATUSES)[number]) : null)),
})

export type AdminDayQueryType = z.infer<typeof AdminDayQuery>

/** Staff actions: reschedule needs a day and slot, cancel may say why. */
export const AdminAppointmentActionBody = z.object({
  date: z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && isCalendarDate(v)), "请选择新的日期")
    .transform((v) => (v as string | undefined) ?? null),
  slot: z
    .unknown()
    .refine(
      (v) => v == null || (typeof v === "string" && isSlotFormat(v)),
      "请选择时段，如 09:00-10:00"
    )
    .transform((v) => (v as string | undefined) ?? null),
  reason: optionalText("取消原因不超过 200 字", 200),
})

export type AdminAppointmentActionBodyType = z.infer<typeof AdminAppointmentActionBody>
