import { z } from "@medusajs/framework/zod"
import type { MEMBERSHIP_METADATA_KEYS } from "../../../../lib/membership/membership-terms"

const shanghaiDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" })

/** A calendar date between 1900-01-01 and today in China, or "" to clear it. */
const birthDate = z.string().refine((value) => {
  if (value === "") return true
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(value) &&
    value >= "1900-01-01" &&
    value <= shanghaiDate.format(new Date())
  )
}, "出生日期格式应为 YYYY-MM-DD，且不晚于今天")

const PROFILE_ONLY = "资料中只能修改出生日期和职业"
const PREFERENCES_ONLY = "短信和微信通知请在“消息设置”中开关"
const MEMBERSHIP_ONLY = "会员类型和单位信息请在“会员类型”中修改"

/** Written only by `POST /store/customers/me/membership`, which also moves the customer group. */
const membershipKeys = {
  membership_type: z.undefined({ message: MEMBERSHIP_ONLY }),
  company_name: z.undefined({ message: MEMBERSHIP_ONLY }),
  company_nature: z.undefined({ message: MEMBERSHIP_ONLY }),
} satisfies Record<(typeof MEMBERSHIP_METADATA_KEYS)[number], z.ZodUndefined>

/**
 * What a member may change about themselves through Medusa's `POST /store/customers/me`.
 * Medusa's own validator also accepts `phone` and any metadata; here the phone is bound
 * only with a code (`/store/customers/me/phone`) and metadata keeps only profile fields,
 * so sign-up facts the server wrote (signup_method, wechat_openid) stay the server's, and
 * the membership type and company change only with the customer group.
 */
export const ProfileUpdateGuard = z
  .object({
    phone: z.undefined({ message: "手机号需通过短信验证码绑定" }),
    first_name: z.string().max(50, "名字最多 50 个字").nullish(),
    last_name: z.string().max(50, "姓氏最多 50 个字").nullish(),
    metadata: z
      .strictObject(
        {
          birth_date: birthDate.optional(),
          occupation: z.string().max(50, "职业最多 50 个字").optional(),
          ...membershipKeys,
          notification_preferences: z.undefined({ message: PREFERENCES_ONLY }),
        },
        { error: (issue) => (issue.code === "unrecognized_keys" ? PROFILE_ONLY : undefined) }
      )
      .nullish(),
  })
  .passthrough()

/**
 * What Medusa's `POST /store/customers` (creating the member at sign-up) may not set: the
 * membership keys, since a new member joins the 团体会员 group only through the membership route.
 */
export const RegistrationGuard = z
  .object({
    metadata: z
      .object({
        ...membershipKeys,
        notification_preferences: z.undefined({ message: PREFERENCES_ONLY }),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough()
