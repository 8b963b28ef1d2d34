// The types, 单位性质 and metadata keys are shared with the storefronts' membership forms.
export {
  COMPANY_NATURES,
  MEMBERSHIP_METADATA_KEYS,
  MEMBERSHIP_TYPES,
  type CompanyNature,
  type MembershipType,
} from "@health/contracts"

/** The Medusa customer group group members join; price lists target it. */
export const GROUP_MEMBER_CUSTOMER_GROUP = "团体会员"
