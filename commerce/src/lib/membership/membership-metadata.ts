import type { CompanyNature, MembershipType } from "./membership-terms"

export type MembershipChange =
  | { type: "individual" }
  | { type: "group"; company_name: string; company_nature: CompanyNature }

/**
 * The metadata update for a membership change. Medusa merges metadata and removes keys set
 * to "", so going back to 个人会员 drops the company.
 */
export function membershipMetadata(change: MembershipChange): {
  membership_type: MembershipType
  company_name: string
  company_nature: string
} {
  if (change.type === "group") {
    return {
      membership_type: "group",
      company_name: change.company_name,
      company_nature: change.company_nature,
    }
  }
  return { membership_type: "individual", company_name: "", company_nature: "" }
}
