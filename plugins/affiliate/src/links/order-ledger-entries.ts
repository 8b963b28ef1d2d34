import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

/** `order.affiliate_ledger_entries`: what an order earned its buyer's upline, and what was reversed. */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id", isList: true },
  { ...AffiliateModule.linkable.affiliateLedgerEntry.id, primaryKey: "order_id" },
  { readOnly: true }
)
