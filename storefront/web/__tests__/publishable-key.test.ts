/** @jest-environment node */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { ApiError } from "@health/core"
import { publishableKeySource, withPublishableKey } from "@/lib/publishable-key"

/** Commerce's GET /public/storefront-settings, answering from `answers` in turn. */
async function commerceStandIn(answers: { status: number; body: unknown }[]) {
  const seen: string[] = []
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`)
    const answer = answers.length > 1 ? answers.shift()! : answers[0]
    response.writeHead(answer.status, { "content-type": "application/json" })
    response.end(JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) }
}

const settings = (key: string) => ({
  status: 200,
  body: { storefront_settings: { publishable_key: key } },
})

describe("the web's publishable key", () => {
  it("uses MEDUSA_PUBLISHABLE_KEY when set, without asking commerce", async () => {
    const fetcher = jest.fn()
    const key = publishableKeySource({
      configured: "pk_configured",
      commerceUrl: "http://unused",
      fetch: fetcher,
    })
    expect(await key()).toBe("pk_configured")
    expect(fetcher).not.toHaveBeenCalled()
  })

  it("reads the key from commerce once and keeps it for five minutes", async () => {
    const commerce = await commerceStandIn([settings("pk_first"), settings("pk_second")])
    let clock = 1_000
    try {
      const key = publishableKeySource({
        configured: "",
        commerceUrl: commerce.url,
        now: () => clock,
      })
      expect(await Promise.all([key(), key()])).toEqual(["pk_first", "pk_first"])
      expect(commerce.seen).toEqual(["GET /public/storefront-settings"])
      clock += 5 * 60_000 + 1
      expect(await key()).toBe("pk_second")
      expect(commerce.seen).toHaveLength(2)
    } finally {
      await commerce.close()
    }
  })

  it("passes on commerce's Chinese refusal and asks again on the next request", async () => {
    const commerce = await commerceStandIn([
      { status: 404, body: { message: "商城尚未初始化：默认销售渠道没有可用的公开密钥" } },
      settings("pk_after_seed"),
    ])
    try {
      const key = publishableKeySource({ configured: "", commerceUrl: commerce.url })
      const refusal = await key().catch((error: unknown) => error)
      expect(refusal).toBeInstanceOf(ApiError)
      expect(refusal).toMatchObject({ status: 404, message: expect.stringContaining("公开密钥") })
      expect(await key()).toBe("pk_after_seed")
    } finally {
      await commerce.close()
    }
  })

  it("fills the header only where the client left it empty", async () => {
    const inner = jest.fn(async () => new Response("{}"))
    const fetchWithKey = withPublishableKey(inner, async () => "pk_read")
    await fetchWithKey("http://commerce/store/products", {
      headers: { "x-publishable-api-key": "", authorization: "Bearer t" },
    })
    await fetchWithKey("http://commerce/store/products", {
      headers: { "x-publishable-api-key": "pk_given" },
    })
    const headersOf = (call: number) =>
      new Headers((inner.mock.calls[call] as unknown as [string, RequestInit])[1].headers)
    expect(headersOf(0).get("x-publishable-api-key")).toBe("pk_read")
    expect(headersOf(0).get("authorization")).toBe("Bearer t")
    expect(headersOf(1).get("x-publishable-api-key")).toBe("pk_given")
  })
})
