import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

/**
 * `affiliate.customer`: the member behind an affiliate record. Read-only: the customer's
 * id is the affiliate's own `customer_id`, so there is no link table to keep in step.
 */
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliate, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
