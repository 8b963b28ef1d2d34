import type { Member } from "./member-client"

/** 个人会员 or 团体会员 (a company, priced through the 团体会员 customer group). */
export type MembershipType = "individual" | "group"

/** 单位性质 a group member chooses from; commerce accepts exactly these. */
export const COMPANY_NATURES = ["企业", "事业单位", "政府机关", "社会团体", "其他"] as const

export const MEMBERSHIP_LABELS: Record<MembershipType, string> = {
  individual: "个人会员",
  group: "团体会员",
}

/** The body of `POST /store/customers/me/membership`; company fields only for 团体会员. */
export type MemberMembership =
  | { type: "individual" }
  | { type: "group"; company_name: string; company_nature: string }

const text = (value: unknown) => (typeof value === "string" ? value : "")

/** What commerce keeps in the customer's metadata; members who never chose are 个人会员. */
export function membershipOf(member: Pick<Member, "metadata">): MemberMembership {
  if (member.metadata?.membership_type === "group") {
    return {
      type: "group",
      company_name: text(member.metadata.company_name),
      company_nature: text(member.metadata.company_nature),
    }
  }
  return { type: "individual" }
}
