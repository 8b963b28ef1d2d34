import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

/** `customer.affiliate`: a member's share code, status and referrer, from the customer side. */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  { ...AffiliateModule.linkable.affiliate.id, primaryKey: "customer_id" },
  { readOnly: true }
)
