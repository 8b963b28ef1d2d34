import { z } from "@medusajs/framework/zod"

// Medusa rewrites zod's own messages generically: the rules below carry Chinese ones for
// the admin page, which checks the same limits before saving.

const bytes = (text: string) => Buffer.byteLength(text, "utf8")

export const CreateReplyRuleBody = z
  .object({
    kind: z.enum(["keyword", "click", "follow"]),
    match: z.string().max(128, "关键词或按钮键值不能超过128个字符").default(""),
    match_mode: z.enum(["exact", "contains"]).default("exact"),
    reply_text: z.string().trim().min(1, "请填写回复内容").max(600, "回复内容不能超过600个字"),
    enabled: z.boolean().default(true),
    priority: z.number().int().min(0).max(1000).default(0),
  })
  .refine((rule) => rule.kind === "follow" || rule.match.trim().length > 0, {
    message: "关键词回复和菜单点击回复需要填写关键词或按钮键值",
    path: ["match"],
  })

export type CreateReplyRuleBodyType = z.infer<typeof CreateReplyRuleBody>

export const UpdateReplyRuleBody = z.object({
  match: z.string().max(128).optional(),
  match_mode: z.enum(["exact", "contains"]).optional(),
  reply_text: z.string().trim().min(1).max(600).optional(),
  enabled: z.boolean().optional(),
  priority: z.number().int().min(0).max(1000).optional(),
})

export type UpdateReplyRuleBodyType = z.infer<typeof UpdateReplyRuleBody>

const leafFields = {
  type: z.enum(["click", "view", "miniprogram"]).optional(),
  key: z
    .string()
    .refine((k) => bytes(k) <= 128, "按钮键值不能超过128字节")
    .optional(),
  url: z
    .string()
    .url("链接需为完整网址")
    .refine((u) => bytes(u) <= 1024)
    .optional(),
  appid: z.string().max(64).optional(),
  pagepath: z.string().max(256).optional(),
}

/** What each button type needs (WeChat's menu/create refuses the rest with an errcode). */
const leafComplete = (b: {
  type?: string
  key?: string
  url?: string
  appid?: string
  pagepath?: string
}) =>
  (b.type === "click" && !!b.key) ||
  (b.type === "view" && !!b.url) ||
  (b.type === "miniprogram" && !!b.url && !!b.appid && !!b.pagepath)

const SubButton = z
  .object({
    name: z
      .string()
      .min(1)
      .refine((n) => bytes(n) <= 60, "子菜单名称不能超过60字节"),
    ...leafFields,
  })
  .refine(leafComplete, "按钮需填写类型及对应的键值、链接或小程序页面")

const TopButton = z
  .object({
    name: z
      .string()
      .min(1)
      .refine((n) => bytes(n) <= 16, "一级菜单名称不能超过16字节（约5个汉字）"),
    ...leafFields,
    sub_button: z.array(SubButton).max(5, "每个一级菜单最多5个子菜单").optional(),
  })
  .refine(
    (b) => (b.sub_button?.length ? !b.type : leafComplete(b)),
    "一级菜单要么带子菜单（不设类型），要么自身是按钮"
  )

export const SaveMenuBody = z.object({
  button: z.array(TopButton).min(1, "菜单至少要有一个按钮").max(3, "一级菜单最多3个"),
})

export type SaveMenuBodyType = z.infer<typeof SaveMenuBody>

export const ListOfficialAccountQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type ListOfficialAccountQueryType = z.infer<typeof ListOfficialAccountQuery>

/**
 * 群发: a micro-site article or landing page (its CMS documentId) or a product (its id) to
 * all followers or a tag.
 */
export const CreateMassSendBody = z
  .object({
    content_type: z.enum(["article", "landing_page", "product"]),
    content_id: z
      .string()
      .trim()
      .min(1, "请选择要群发的内容")
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, "内容编号不正确"),
    audience: z.enum(["all", "tag"]).default("all"),
    tag_id: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .refine((body) => body.audience === "all" || body.tag_id !== undefined, {
    message: "按标签群发时请选择标签",
    path: ["tag_id"],
  })

export type CreateMassSendBodyType = z.infer<typeof CreateMassSendBody>

/** 发布到微官网 of a product (admin widget on the product page). */
export const SetProductMicrositeBody = z.object({
  shown: z.boolean({ message: "请选择是否发布到微官网" }),
})

export type SetProductMicrositeBodyType = z.infer<typeof SetProductMicrositeBody>
