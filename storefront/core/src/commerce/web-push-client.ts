import { commerceRequester, NO_STORE, type CommerceClientOptions } from "./request"

/** What a browser's PushSubscription.toJSON() gives, as the server keeps it. */
export type BrowserPushSubscription = {
  endpoint: string
  expirationTime?: number | null
  keys: { p256dh: string; auth: string }
}

/**
 * 消息提醒 (web push): the server's VAPID public key, and a member's browser subscriptions.
 * The public key is null while commerce has no VAPID keys (reminders unavailable).
 */
export function createWebPushClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    async publicKey(): Promise<string | null> {
      return (await request<{ public_key: string | null }>("/store/web-push/public-key", NO_STORE))
        .public_key
    },

    /** Inbox notices also reach this browser from now on. */
    async subscribe(token: string, subscription: BrowserPushSubscription): Promise<{ id: string }> {
      const { endpoint, expirationTime, keys } = subscription
      return (
        await request<{ web_push_subscription: { id: string } }>("/store/web-push/subscriptions", {
          method: "POST",
          token,
          body: JSON.stringify({
            endpoint,
            ...(expirationTime !== undefined ? { expirationTime } : {}),
            keys: { p256dh: keys.p256dh, auth: keys.auth },
          }),
          ...NO_STORE,
        })
      ).web_push_subscription
    },

    /** Stops reminders to this browser (switched off, or the member signs out there). */
    async unsubscribe(token: string, endpoint: string): Promise<boolean> {
      return (
        await request<{ deleted: boolean }>("/store/web-push/subscriptions", {
          method: "DELETE",
          token,
          body: JSON.stringify({ endpoint }),
          ...NO_STORE,
        })
      ).deleted
    },
  }
}
