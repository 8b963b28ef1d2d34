import { z } from "@medusajs/framework/zod"
import {
  COMPANY_NATURES,
  type CompanyNature,
  type MembershipType,
} from "../../../../../lib/membership/membership-terms"

// Medusa rewrites zod's built-in messages in English; custom checks keep their Chinese.
const optionalText = (label: string, max: number) =>
  z
    .custom<string | null | undefined>(
      (value) => value === undefined || value === null || typeof value === "string",
      `${label}应为文字`
    )
    .transform((value) => (value ?? "").trim())
    .refine((value) => Array.from(value).length <= max, `${label}最多 ${max} 个字`)

/** `{ type, company_name?, company_nature? }`: 团体会员 need both company fields. */
export const MembershipBody = z
  .object({
    type: z.custom<MembershipType>(
      (value) => value === "individual" || value === "group",
      "请选择会员类型：个人会员（individual）或团体会员（group）"
    ),
    company_name: optionalText("单位名称", 100),
    company_nature: optionalText("单位性质", 20),
  })
  .refine((body) => body.type !== "group" || body.company_name !== "", {
    message: "团体会员请填写单位名称",
    path: ["company_name"],
  })
  .refine(
    (body) =>
      body.type !== "group" || COMPANY_NATURES.includes(body.company_nature as CompanyNature),
    {
      message: `请选择单位性质：${COMPANY_NATURES.join("、")}`,
      path: ["company_nature"],
    }
  )

export type MembershipBodyType = z.infer<typeof MembershipBody>
