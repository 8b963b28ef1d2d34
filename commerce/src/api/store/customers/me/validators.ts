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

const NOT_HERE = "注册和修改资料时只能填写姓名、出生日期和职业"

/** Profile fields Medusa has no column for; everything else in metadata is the server's. */
const profileMetadata = z
  .strictObject(
    {
      birth_date: birthDate.optional(),
      occupation: z.string().max(50, "职业最多 50 个字").optional(),
      ...membershipKeys,
      notification_preferences: z.undefined({ message: PREFERENCES_ONLY }),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? PROFILE_ONLY : undefined) }
  )
  .nullish()

const profileFields = {
  first_name: z.string().max(50, "名字最多 50 个字").nullish(),
  last_name: z.string().max(50, "姓氏最多 50 个字").nullish(),
  metadata: profileMetadata,
  phone: z.undefined({ message: "手机号需通过短信验证码绑定" }),
  company_name: z.undefined({ message: MEMBERSHIP_ONLY }),
}

const onlyProfileFields = {
  error: (issue: { code?: string }) => (issue.code === "unrecognized_keys" ? NOT_HERE : undefined),
}

/**
 * What a member may say about themselves, at sign-up (Medusa's `POST /store/customers`)
 * and afterwards (`POST /store/customers/me`): names, and in metadata the birth date (a
 * real past date, YYYY-MM-DD) and occupation; nothing else. Medusa's own validators take a
 * phone and any metadata: here the phone is bound only with a code
 * (`/store/customers/me/phone`), sign-up facts the server writes (signup_method,
 * wechat_openid) stay the server's, and the membership type and company change only with
 * the customer group (`/store/customers/me/membership`).
 */
export const ProfileUpdateGuard = z.strictObject(profileFields, onlyProfileFields)

/** The same, plus the e-mail a new member signs up with (Medusa's own rules apply to it). */
export const RegistrationGuard = z.strictObject(
  { ...profileFields, email: z.string().max(254, "邮箱过长").optional() },
  onlyProfileFields
)
