import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import InboxModule from "../modules/inbox"

/** `inbox_message.customer`: the member a message was sent to (read-only). */
export default defineLink(
  { linkable: InboxModule.linkable.inboxMessage, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
