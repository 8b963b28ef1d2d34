import { commerceRequester, type CommerceClientOptions } from "./request"

/** One message in the member's 消息中心. */
export type InboxMessage = {
  id: string
  /** What produced it: order, kit, article, appointment, system ... */
  category: string
  title: string
  body: string
  /** A storefront path such as /articles/qixu-tiaoyang, or null. */
  link: string | null
  read_at: string | null
  created_at: string
}

export type InboxPage = {
  messages: InboxMessage[]
  count: number
  limit: number
  offset: number
  unread_count: number
}

/** The in-app inbox is always on; SMS and WeChat pushes can be switched off. */
export type NotificationPreferences = { inbox: true; sms: boolean; wechat: boolean }

const noStore = { cacheHint: "no-store" as const }

/** 消息中心 and notification preferences of a signed-in member (every call takes the token). */
export function createInboxClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const post = <T>(path: string, token: string, body: unknown) =>
    request<T>(path, { method: "POST", body: JSON.stringify(body), token, ...noStore })

  return {
    list(token: string, params: { limit?: number; offset?: number; unread?: boolean } = {}) {
      const query = new URLSearchParams()
      if (params.limit) query.set("limit", String(params.limit))
      if (params.offset) query.set("offset", String(params.offset))
      if (params.unread !== undefined) query.set("unread", String(params.unread))
      return request<InboxPage>(`/store/inbox${query.size ? `?${query}` : ""}`, {
        token,
        ...noStore,
      })
    },

    async unreadCount(token: string): Promise<number> {
      return (await this.list(token, { limit: 1, unread: true })).unread_count
    },

    /** Marks messages read; answers the unread count left. */
    async markRead(token: string, ids: string[]): Promise<number> {
      return (await post<{ unread_count: number }>("/store/inbox/read", token, { ids }))
        .unread_count
    },

    async preferences(token: string): Promise<NotificationPreferences> {
      return (
        await request<{ notification_preferences: NotificationPreferences }>(
          "/store/customers/me/notification-preferences",
          { token, ...noStore }
        )
      ).notification_preferences
    },

    async setPreferences(
      token: string,
      change: { sms?: boolean; wechat?: boolean }
    ): Promise<NotificationPreferences> {
      return (
        await post<{ notification_preferences: NotificationPreferences }>(
          "/store/customers/me/notification-preferences",
          token,
          change
        )
      ).notification_preferences
    },
  }
}
