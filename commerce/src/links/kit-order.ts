import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import HealthArchiveModule from "../modules/health-archive"

/** `kit.order`: the order a kit was bought with. Read-only: the kit keeps `order_id`; only kit → order is defined, so nobody reads kits through Medusa's order routes. */
export default defineLink(
  { linkable: HealthArchiveModule.linkable.kit, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
