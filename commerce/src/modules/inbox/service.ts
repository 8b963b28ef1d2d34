import { MedusaService } from "@medusajs/framework/utils"
import { InboxMessage } from "./models/inbox-message"

export type DeliverInboxMessageInput = {
  customer_id: string
  category?: string
  title: string
  body: string
  link?: string | null
  dedupe_key: string
}

class InboxModuleService extends MedusaService({ InboxMessage }) {
  /**
   * Creates the message unless one with the same dedupe key exists, so a replayed
   * event or a retried job never shows a member the same message twice.
   */
  async deliver(input: DeliverInboxMessageInput) {
    const [existing] = await this.listInboxMessages({ dedupe_key: input.dedupe_key }, { take: 1 })
    if (existing) {
      return { message: existing, created: false }
    }
    try {
      const message = await this.createInboxMessages(input)
      return { message, created: true }
    } catch (error) {
      // Two workers raced on the same key: the unique index kept one, which is the point.
      const [winner] = await this.listInboxMessages({ dedupe_key: input.dedupe_key }, { take: 1 })
      if (winner) {
        return { message: winner, created: false }
      }
      throw error
    }
  }

  async countUnread(customerId: string): Promise<number> {
    const [, count] = await this.listAndCountInboxMessages(
      { customer_id: customerId, read_at: null },
      { take: 0 }
    )
    return count
  }

  /** Marks the member's own messages read; ids of other members are ignored. */
  async markRead(customerId: string, ids: string[]): Promise<number> {
    const mine = await this.listInboxMessages({ id: ids, customer_id: customerId, read_at: null })
    if (!mine.length) {
      return 0
    }
    const now = new Date()
    await this.updateInboxMessages(mine.map((message) => ({ id: message.id, read_at: now })))
    return mine.length
  }
}

export default InboxModuleService
