import { z } from "@medusajs/framework/zod"
import {
  ORDER_BUSINESS_STATES,
  ORDER_BUSINESS_STATE_LABELS,
  ORDER_PAYMENT_STATUSES,
  ORDER_PAYMENT_STATUS_LABELS,
  ORDER_USAGE_LABELS,
  ORDER_USAGE_STATES,
  type OrderBusinessState,
  type OrderPaymentStatus,
  type OrderUsageState,
} from "@health/contracts"
import { normalizeCnMobile } from "../../../lib/phone/normalize-cn-mobile"
import {
  isCalendarDate,
  isSlotFormat,
} from "../../../modules/appointment/rules/appointment-calendar"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

/** The most orders one page answers. */
export const MAX_ORDERS_PAGE = 100

/** A state by its code or by the word staff and members read (待付款 → unpaid); optional. */
function codeOrLabel<T extends string>(
  codes: readonly T[],
  labels: Record<T, string>,
  name: string
) {
  const byLabel = new Map<string, T>(codes.map((code) => [labels[code], code]))
  const known = (v: unknown): T | undefined =>
    typeof v === "string"
      ? (byLabel.get(v.trim()) ?? codes.find((code) => code === v.trim()))
      : undefined
  return z
    .unknown()
    .refine(
      (v) => v === undefined || v === "" || known(v) !== undefined,
      `${name}应为 ${codes.map((code) => labels[code]).join("、")} 之一`
    )
    .transform((v) => (v === undefined || v === "" ? undefined : known(v)))
}

const count = (message: string, min: number, max: number, fallback?: number) =>
  z
    .unknown()
    .refine((v) => {
      if (v === undefined || v === "") return fallback !== undefined
      const n = Number(v)
      return /^\d+$/.test(String(v).trim()) && n >= min && n <= max
    }, message)
    .transform((v) => (v === undefined || v === "" ? fallback : Number(v)))

const page = {
  limit: count(`每页条数应为 1 到 ${MAX_ORDERS_PAGE} 的整数`, 1, MAX_ORDERS_PAGE, 20),
  offset: count("偏移量应为 0 到 1000000 的整数", 0, 1_000_000, 0),
}

const state = codeOrLabel<OrderBusinessState>(
  ORDER_BUSINESS_STATES,
  ORDER_BUSINESS_STATE_LABELS,
  "订单状态"
)
const usage = codeOrLabel<OrderUsageState>(ORDER_USAGE_STATES, ORDER_USAGE_LABELS, "使用状态")

/** 我的订单 by business state and 已使用/未使用. */
export const MemberOrdersQuery = z.object({ state, usage, ...page })

export type MemberOrdersQueryType = {
  state?: OrderBusinessState
  usage?: OrderUsageState
  limit: number
  offset: number
}

/** Staff's order list by business state. */
export const AdminBusinessOrdersQuery = z.object({
  state,
  usage,
  payment_status: codeOrLabel<OrderPaymentStatus>(
    ORDER_PAYMENT_STATUSES,
    ORDER_PAYMENT_STATUS_LABELS,
    "付款状态"
  ),
  display_id: z
    .unknown()
    .refine(
      (v) => v === undefined || v === "" || /^\d{1,9}$/.test(String(v).trim()),
      "订单号应为数字"
    )
    .transform((v) => (v === undefined || v === "" ? undefined : Number(v))),
  ...page,
})

export type AdminBusinessOrdersQueryType = MemberOrdersQueryType & {
  payment_status?: OrderPaymentStatus
  display_id?: number
}

/** A required string, trimmed, at most `max` characters. */
const text = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

/** A new delivery address for the member's order, as the address book collects it. */
export const OrderAddressBody = z
  .object({
    first_name: text("请填写收货人名（不超过 40 字）", 40),
    last_name: text("请填写收货人姓（不超过 40 字）", 40),
    phone: z
      .unknown()
      .refine((v) => typeof v === "string" && !!normalizeCnMobile(v), "请填写正确的手机号")
      .transform((v) => normalizeCnMobile(v)!.replace(/^\+86/, "")),
    province: text("请选择省份", 40),
    city: text("请选择城市", 40),
    // Cities without districts (东莞市, 仙桃市) have none.
    district: z
      .unknown()
      .refine(
        (v) => v == null || (typeof v === "string" && v.trim().length <= 40),
        "区县不能超过 40 字"
      )
      .transform((v) => (typeof v === "string" ? v.trim() : "")),
    street: text("请填写详细地址（不超过 200 字）", 200),
    postal_code: z
      .unknown()
      .refine(
        (v) => v == null || v === "" || (typeof v === "string" && /^\d{6}$/.test(v.trim())),
        "邮政编码应为 6 位数字"
      )
      .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null)),
  })
  .strict()

export type OrderAddressBodyType = {
  first_name: string
  last_name: string
  phone: string
  province: string
  city: string
  district: string
  street: string
  postal_code: string | null
}

const slotChoiceText = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

/** One kit line's new test method: mailed, or on site at a collection site, day and slot. */
export const OrderTestMethodBody = z
  .object({
    line_item_id: slotChoiceText("请选择要修改的检测项目", 64),
    method: z
      .unknown()
      .refine(
        (v) => v === "mail_in" || v === "on_site",
        "采样方式只能是寄送采样盒（mail_in）或采集点现场采集（on_site）"
      )
      .transform((v) => v as "mail_in" | "on_site"),
    collection: z
      .object({
        site_id: slotChoiceText("请选择采集点", 64),
        date: z
          .unknown()
          .refine(
            (v) => typeof v === "string" && isCalendarDate(v),
            "请选择日期（格式 YYYY-MM-DD）"
          )
          .transform((v) => v as string),
        slot: z
          .unknown()
          .refine((v) => typeof v === "string" && isSlotFormat(v), "请选择时段，如 09:00-10:00")
          .transform((v) => v as string),
      })
      .strict()
      .nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.method === "on_site" && !body.collection) {
      ctx.addIssue({
        code: "custom",
        path: ["collection"],
        message: "请选择现场采集的采集点、日期和时段",
      })
    }
    if (body.method === "mail_in" && body.collection) {
      ctx.addIssue({
        code: "custom",
        path: ["collection"],
        message: "寄送采样盒不需要选择采集点和时段",
      })
    }
  })

export type OrderTestMethodBodyType = {
  line_item_id: string
  method: "mail_in" | "on_site"
  collection?: { site_id: string; date: string; slot: string } | null
}
