import { z } from "@medusajs/framework/zod"
import {
  isCalendarDate,
  isSlotFormat,
} from "../../../../../modules/appointment/rules/appointment-calendar"
import { normalizeCnMobile } from "../../../../../lib/phone/normalize-cn-mobile"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const text = (message: string, max: number, required = true) =>
  z
    .unknown()
    .refine(
      (v) =>
        (v == null && !required) ||
        (typeof v === "string" && (!required || v.trim().length > 0) && v.trim().length <= max),
      message
    )
    .transform((v) => (typeof v === "string" ? v.trim() : ""))

const Address = z.object({
  first_name: text("请填写收货人姓名", 20, false),
  last_name: text("请填写收货人姓名", 20),
  phone: z
    .unknown()
    .refine((v) => typeof v === "string" && !!normalizeCnMobile(v), "请填写正确的手机号")
    .transform((v) => normalizeCnMobile(v as string) as string),
  // Empty when every line is sampled at a site (nothing is posted); checked by the workflow.
  province: text("省份不超过 20 字", 20, false),
  city: text("城市不超过 20 字", 20, false),
  address_1: text("详细地址不超过 100 字", 100, false),
  address_2: text("区县不超过 50 字", 50, false),
  postal_code: text("邮编格式不正确", 6, false).refine(
    (v) => !v || /^\d{6}$/.test(v),
    "邮编格式不正确"
  ),
  country_code: z.literal("cn", { message: "仅支持中国大陆地址" }),
})

const Collection = z.object({
  site_id: text("请选择采集点", 64),
  date: z
    .unknown()
    .refine((v) => typeof v === "string" && isCalendarDate(v), "请选择日期（格式 YYYY-MM-DD）")
    .transform((v) => v as string),
  slot: z
    .unknown()
    .refine((v) => typeof v === "string" && isSlotFormat(v), "请选择时段，如 09:00-10:00")
    .transform((v) => v as string),
})

const Line = z.object({
  line_id: text("缺少购物车商品编号", 64),
  method: z.enum(["mail_in", "on_site"], { message: "采样方式只能是寄送采样盒或采集点现场采集" }),
  collection: Collection.optional(),
})

export const CheckoutBody = z.object({
  email: z
    .unknown()
    .refine(
      (v) =>
        typeof v === "string" && v.length <= 254 && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()),
      "请填写正确的邮箱，用于接收订单通知"
    )
    .transform((v) => (v as string).trim().toLowerCase()),
  address: Address,
  lines: z.array(Line, { message: "请为每件检测商品选择采样方式" }).max(50, "商品过多"),
  store_credit_fen: z
    .number({ message: "余额抵扣金额须为整数（分）" })
    .int("余额抵扣金额须为整数（分）")
    .min(0, "余额抵扣金额不能为负")
    .max(100_000_000, "余额抵扣金额过大"),
  referral_code: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        v === "" ||
        (typeof v === "string" && /^[2-9A-HJKMNP-Z]{4,12}$/i.test(v.trim())),
      "邀请码格式不正确"
    )
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim().toUpperCase() : null)),
  payment: z.object({
    provider_id: text("请选择支付方式", 64),
    channel: z.enum(["miniprogram", "wechat_browser", "pc_browser", "mobile_browser"], {
      message: "支付场景只能是 miniprogram、wechat_browser、pc_browser 或 mobile_browser",
    }),
    openid: text("openid 格式不正确", 128, false),
  }),
  // The client build, when its payment channel does not tell it (the mini-program's H5 build
  // pays like a phone browser): recorded on the order for finance's channel breakdown.
  // (Refused as 字段 client：取值必须是 miniprogram_h5 之一.)
  client: z.enum(["miniprogram_h5"]).optional(),
})

export type CheckoutBodyType = z.infer<typeof CheckoutBody>
