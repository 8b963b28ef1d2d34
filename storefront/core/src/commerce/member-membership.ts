import type { Member } from "./member-client"

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
