/** Customer types: every member is 个人会员 unless they declare a company (团体会员). */
export const MEMBERSHIP_TYPES = ["individual", "group"] as const

export type MembershipType = (typeof MEMBERSHIP_TYPES)[number]

export const MEMBERSHIP_LABELS: Record<MembershipType, string> = {
  individual: "个人会员",
  group: "团体会员",
}

/** 单位性质 a group member chooses from; commerce accepts exactly these. */
export const COMPANY_NATURES = ["企业", "事业单位", "政府机关", "社会团体", "其他"] as const

export type CompanyNature = (typeof COMPANY_NATURES)[number]

/**
 * Customer metadata keys where commerce keeps the membership; only
 * `POST /store/customers/me/membership` writes them, so they always match the customer group.
 */
export const MEMBERSHIP_METADATA_KEYS = [
  "membership_type",
  "company_name",
  "company_nature",
] as const
