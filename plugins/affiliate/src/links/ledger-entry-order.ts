import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

/** `affiliate_ledger_entry.order`: the order a commission, reversal or maturation is for. */
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliateLedgerEntry, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
