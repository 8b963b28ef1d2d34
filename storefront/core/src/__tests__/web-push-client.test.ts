import { createWebPushClient } from "../commerce/web-push-client"
import type { FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const client = (fetch: FetchLike) =>
  createWebPushClient({ baseUrl: "http://shop/", publishableKey: "pk", fetch })
const headersOf = (init: RequestInit | undefined) => init?.headers as Record<string, string>

const subscription = {
  endpoint: "https://fcm.googleapis.com/fcm/send/abc",
  expirationTime: null,
  keys: { p256dh: "BPk", auth: "au" },
}

describe("web push client", () => {
  it("reads the VAPID public key with the publishable key alone, null while push is off", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { public_key: "BPub" } },
      { body: { public_key: null } }
    )
    const api = client(fetch)
    expect(await api.publicKey()).toBe("BPub")
    expect(await api.publicKey()).toBeNull()
    expect(calls[0].url).toBe("http://shop/store/web-push/public-key")
    expect(headersOf(calls[0].init).authorization).toBeUndefined()
    expect(headersOf(calls[0].init)["x-publishable-api-key"]).toBe("pk")
  })

  it("saves and removes the browser's subscription with the member's token, never cached", async () => {
    const { fetch, calls } = recordingFetch(
      { body: { web_push_subscription: { id: "wpsub_1", endpoint: subscription.endpoint } } },
      { body: { endpoint: subscription.endpoint, deleted: true } }
    )
    const api = client(fetch)
    expect(await api.subscribe("tok", { ...subscription, extra: 1 } as never)).toEqual({
      id: "wpsub_1",
      endpoint: subscription.endpoint,
    })
    expect(calls[0].url).toBe("http://shop/store/web-push/subscriptions")
    expect(calls[0].init?.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init?.body))).toEqual(subscription)
    expect(headersOf(calls[0].init).authorization).toBe("Bearer tok")
    expect(calls[0].init?.cacheHint).toBe("no-store")

    expect(await api.unsubscribe("tok", subscription.endpoint)).toBe(true)
    expect(calls[1].init?.method).toBe("DELETE")
    expect(JSON.parse(String(calls[1].init?.body))).toEqual({ endpoint: subscription.endpoint })
    expect(headersOf(calls[1].init).authorization).toBe("Bearer tok")
  })
})
