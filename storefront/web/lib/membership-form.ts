import { COMPANY_NATURES, type MemberMembership } from "@health/core"

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/**
 * 会员类型 and, for 团体会员, 单位名称 and 单位性质 (fields `membership_type`,
 * `company_name`, `company_nature`), or the first thing to fix, in Chinese.
 */
export function readMembershipForm(
  form: FormData
): { membership: MemberMembership; problem?: never } | { membership?: never; problem: string } {
  if (text(form, "membership_type") !== "group") return { membership: { type: "individual" } }
  const company_name = text(form, "company_name")
  const company_nature = text(form, "company_nature")
  if (!company_name) return { problem: "团体会员请填写单位名称" }
  if (Array.from(company_name).length > 100) return { problem: "单位名称最多 100 个字" }
  if (!(COMPANY_NATURES as readonly string[]).includes(company_nature)) {
    return { problem: "请选择单位性质" }
  }
  return { membership: { type: "group", company_name, company_nature } }
}
