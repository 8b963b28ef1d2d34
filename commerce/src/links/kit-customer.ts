import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import HealthArchiveModule from "../modules/health-archive"

/** `kit.customer`: the member a kit belongs to (read-only, from the kit's `customer_id`). */
export default defineLink(
  { linkable: HealthArchiveModule.linkable.kit, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
