import { z } from "@medusajs/framework/zod"

/** SMS and WeChat can be switched off; the in-app inbox cannot. */
export const NotificationPreferencesBody = z.strictObject(
  {
    sms: z.boolean({ message: "sms 应为 true 或 false" }).optional(),
    wechat: z.boolean({ message: "wechat 应为 true 或 false" }).optional(),
    inbox: z.undefined({ message: "站内消息无法关闭" }),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "只能设置 sms 和 wechat" : undefined) }
)

export type NotificationPreferencesBodyType = z.infer<typeof NotificationPreferencesBody>
