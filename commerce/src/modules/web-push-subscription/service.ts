import { MedusaService } from "@medusajs/framework/utils"
import { WebPushSubscription } from "./models/web-push-subscription"

export type WebPushSubscriptionRow = {
  id: string
  customer_id: string
  endpoint: string
  p256dh: string
  auth: string
  user_agent: string | null
  created_at: Date
}

export type SaveWebPushSubscriptionInput = {
  customer_id: string
  endpoint: string
  p256dh: string
  auth: string
  user_agent?: string | null
}

/** What a save changed, so a compensation can put it back. */
export type SavedWebPushSubscription = {
  subscription: WebPushSubscriptionRow
  /** The row as it was when this endpoint was known already (maybe another member's). */
  previous: WebPushSubscriptionRow | null
  /** A member's oldest subscriptions, removed to keep MAX_SUBSCRIPTIONS_PER_MEMBER. */
  pruned: WebPushSubscriptionRow[]
}

/** Browsers a member keeps reminders on in at once; an abandoned one is dropped first. */
export const MAX_SUBSCRIPTIONS_PER_MEMBER = 10

class WebPushSubscriptionModuleService extends MedusaService({ WebPushSubscription }) {
  /**
   * Keeps the browser's subscription for the member. An endpoint already known is taken
   * over (the same browser, now signed in as this member, or new keys after the browser
   * renewed them), so a browser never pushes one member's notices to another.
   */
  async saveSubscription(input: SaveWebPushSubscriptionInput): Promise<SavedWebPushSubscription> {
    const values = { ...input, user_agent: input.user_agent ?? null }
    const previous = await this.byEndpoint(input.endpoint)
    let subscription: WebPushSubscriptionRow
    if (previous) {
      subscription = (await this.updateWebPushSubscriptions({
        id: previous.id,
        ...values,
      })) as WebPushSubscriptionRow
    } else {
      try {
        subscription = (await this.createWebPushSubscriptions(values)) as WebPushSubscriptionRow
      } catch (error) {
        // Two requests from one browser raced: the unique endpoint kept one, update it.
        const winner = await this.byEndpoint(input.endpoint)
        if (!winner) throw error
        subscription = (await this.updateWebPushSubscriptions({
          id: winner.id,
          ...values,
        })) as WebPushSubscriptionRow
      }
    }
    const mine = (await this.listWebPushSubscriptions(
      { customer_id: input.customer_id },
      { order: { created_at: "DESC" } }
    )) as WebPushSubscriptionRow[]
    const pruned = mine
      .filter((row) => row.id !== subscription.id)
      .slice(MAX_SUBSCRIPTIONS_PER_MEMBER - 1)
    if (pruned.length) await this.deleteWebPushSubscriptions(pruned.map((row) => row.id))
    return { subscription, previous: previous ? { ...previous } : null, pruned }
  }

  /** Removes the member's subscription at `endpoint`; another member's is left alone. */
  async removeSubscription(
    customerId: string,
    endpoint: string
  ): Promise<WebPushSubscriptionRow | null> {
    const row = await this.byEndpoint(endpoint)
    if (!row || row.customer_id !== customerId) return null
    await this.deleteWebPushSubscriptions(row.id)
    return row
  }

  async subscriptionsOf(customerId: string): Promise<WebPushSubscriptionRow[]> {
    return (await this.listWebPushSubscriptions(
      { customer_id: customerId },
      { order: { created_at: "DESC" } }
    )) as WebPushSubscriptionRow[]
  }

  async hasSubscriptions(customerId: string): Promise<boolean> {
    const [, count] = await this.listAndCountWebPushSubscriptions(
      { customer_id: customerId },
      { take: 1 }
    )
    return count > 0
  }

  /** Puts rows back as they were (a compensation). */
  async restoreSubscriptions(rows: WebPushSubscriptionRow[]): Promise<void> {
    for (const row of rows) {
      const current = await this.byEndpoint(row.endpoint)
      const values = {
        customer_id: row.customer_id,
        endpoint: row.endpoint,
        p256dh: row.p256dh,
        auth: row.auth,
        user_agent: row.user_agent,
      }
      if (current) await this.updateWebPushSubscriptions({ id: current.id, ...values })
      else await this.createWebPushSubscriptions({ id: row.id, ...values })
    }
  }

  private async byEndpoint(endpoint: string): Promise<WebPushSubscriptionRow | null> {
    const [row] = await this.listWebPushSubscriptions({ endpoint }, { take: 1 })
    return (row as WebPushSubscriptionRow | undefined) ?? null
  }
}

export default WebPushSubscriptionModuleService
