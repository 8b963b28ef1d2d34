/** Customer types: every member is 个人会员 unless they declare a company (团体会员). */
export const MEMBERSHIP_TYPES = ["individual", "group"] as const
export type MembershipType = (typeof MEMBERSHIP_TYPES)[number]

/** 单位性质 a group member chooses from. */
export const COMPANY_NATURES = ["企业", "事业单位", "政府机关", "社会团体", "其他"] as const
export type CompanyNature = (typeof COMPANY_NATURES)[number]

/** The Medusa customer group group members join; price lists target it. */
export const GROUP_MEMBER_CUSTOMER_GROUP = "团体会员"

/**
 * Customer metadata keys only `POST /store/customers/me/membership` writes, so that what
 * the metadata says always matches the customer group.
 */
export const MEMBERSHIP_METADATA_KEYS = [
  "membership_type",
  "company_name",
  "company_nature",
] as const
