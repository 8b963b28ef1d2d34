import { createInboxClient } from "../commerce/inbox-client"
import type { FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createInboxClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

describe("inbox client", () => {
  it("reads the unread count with the member's token, never cached", async () => {
    const { fetch, calls } = recordingFetch({
      body: { messages: [], count: 3, limit: 1, offset: 0, unread_count: 3 },
    })
    expect(await client(fetch).unreadCount("tok")).toBe(3)
    expect(calls[0].url).toBe("http://shop/store/inbox?limit=1&unread=true")
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })

  it("marks messages read and switches SMS and WeChat off", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { updated: 2, unread_count: 0 } },
      { body: { notification_preferences: { inbox: true, sms: false, wechat: true } } }
    )
    const api = client(fetch)
    expect(await api.markRead("tok", ["inbox_1", "inbox_2"])).toBe(0)
    expect(calls[0].url).toBe("http://shop/store/inbox/read")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ ids: ["inbox_1", "inbox_2"] })
    expect(await api.setPreferences("tok", { sms: false })).toEqual({
      inbox: true,
      sms: false,
      wechat: true,
    })
    expect(calls[1].url).toBe("http://shop/store/customers/me/notification-preferences")
    expect(calls[1].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[1].init?.body))).toEqual({ sms: false })
  })
})
