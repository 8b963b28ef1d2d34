/** @jest-environment node */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { installSocketPeerHeader } from "@/lib/socket-peer"

let served: Headers | null = null
let outsideRequest = false
jest.mock("next/headers", () => ({
  headers: async () => {
    if (outsideRequest) throw new Error("`headers` was called outside a request scope.")
    return served
  },
}))

// A configured key: the run-time key lookup has its own test (publishable-key.test.ts).
process.env.MEDUSA_PUBLISHABLE_KEY = "pk_forwarding_test"

const fetchMock = jest.fn()
const answers: Record<string, unknown> = {
  "/auth/customer/emailpass": { token: "tok_1" },
  "/auth/customer/emailpass/register": { token: "tok_reg" },
  "/auth/customer/phone": { token: "tok_1" },
  "/store/customers": { customer: { id: "cus_1" } },
  "/store/customers/me/password": {},
  "/store/customers/me/phone": { customer: { id: "cus_1" } },
  "/store/auth/sms-codes": {},
  "/store/constitution/assessments": { assessment: { id: "as_1" } },
  "/store/products": { products: [], count: 0 },
}

const { member, commerce, constitution } =
  require("@/lib/backends") as typeof import("@/lib/backends")

/** The headers a real request had when it reached this process's HTTP server. */
async function stampedRequest(headers: Record<string, string>): Promise<Headers> {
  let seen: http.IncomingHttpHeaders = {}
  const server = http.createServer((request, response) => {
    seen = request.headers
    response.end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers })
  await new Promise((resolve) => server.close(resolve))
  return new Headers(
    Object.entries(seen).map(([name, value]): [string, string] => [name, String(value)])
  )
}

/** Commerce as the web's server calls it: every request, with its headers. */
const sent = () =>
  fetchMock.mock.calls.map(([url, init]: [string, RequestInit]) => ({
    path: new URL(url).pathname,
    headers: new Headers(init.headers),
  }))

const realFetch = global.fetch
beforeAll(async () => {
  installSocketPeerHeader()
  process.env.TRUSTED_PROXIES = "127.0.0.1"
  // The reverse proxy (here: this test on 127.0.0.1) says who the shopper is.
  served = await stampedRequest({ "x-forwarded-for": "6.6.6.6, 198.51.100.9" })
  global.fetch = fetchMock as unknown as typeof fetch
})
afterAll(() => {
  global.fetch = realFetch
  delete process.env.TRUSTED_PROXIES
  delete process.env.WEB_FORWARD_SECRET
})
beforeEach(() => {
  process.env.WEB_FORWARD_SECRET = "forward-secret-0123456789"
  outsideRequest = false
  fetchMock.mockReset()
  fetchMock.mockImplementation(async (url: string) => {
    const body = answers[new URL(url).pathname]
    return new Response(JSON.stringify(body ?? {}), { status: 200 })
  })
})

describe("the web's server calling commerce for a shopper", () => {
  const rateLimited: [string, () => Promise<unknown>][] = [
    ["an SMS code", () => member.sendSmsCode("13800000000", "login")],
    ["password sign-in", () => member.signInWithPassword("a@b.cn", "secret-123")],
    ["phone sign-in", () => member.signInWithPhone("13800000000", "123456")],
    [
      "registration",
      () => member.registerWithPassword({ email: "a@b.cn", password: "secret-123" }),
    ],
    ["a password change", () => member.changePassword("tok_1", "old-secret", "new-secret-1")],
    ["binding a phone", () => member.bindPhone("tok_1", "13800000000", "123456")],
    [
      "the anonymous report's assessment",
      () => constitution.assess({ sex: "female", answers: {} }),
    ],
  ]

  it.each(rateLimited)(
    "sends %s with the shopper's address and the forward secret",
    async (_, call) => {
      await call()
      expect(sent().length).toBeGreaterThan(0)
      for (const { headers } of sent()) {
        expect(headers.get("x-shopper-ip")).toBe("198.51.100.9")
        expect(headers.get("x-web-forward-secret")).toBe("forward-secret-0123456789")
      }
    }
  )

  it("registration's three calls all count against the shopper", async () => {
    await member.registerWithPassword({ email: "a@b.cn", password: "secret-123" })
    expect(sent().map((request) => request.path)).toEqual([
      "/auth/customer/emailpass/register",
      "/store/customers",
      "/auth/customer/emailpass",
    ])
    expect(new Set(sent().map((request) => request.headers.get("x-shopper-ip")))).toEqual(
      new Set(["198.51.100.9"])
    )
  })

  it("keeps shared cached reads free of any address (one cache for everyone)", async () => {
    await commerce.listProducts({ regionId: "reg_1" })
    const [request] = sent()
    expect(request.path).toBe("/store/products")
    expect(request.headers.get("x-shopper-ip")).toBeNull()
    expect(request.headers.get("x-web-forward-secret")).toBeNull()
  })

  it("sends neither header when WEB_FORWARD_SECRET is not set", async () => {
    delete process.env.WEB_FORWARD_SECRET
    await member.sendSmsCode("13800000000", "login")
    const [request] = sent()
    expect(request.headers.get("x-shopper-ip")).toBeNull()
    expect(request.headers.get("x-web-forward-secret")).toBeNull()
  })

  it("sends neither header outside a request, and still makes the call", async () => {
    outsideRequest = true
    await member.sendSmsCode("13800000000", "login")
    const [request] = sent()
    expect(request.path).toBe("/store/auth/sms-codes")
    expect(request.headers.get("x-shopper-ip")).toBeNull()
  })

  it("never forwards an address the shopper only claimed", async () => {
    const before = served
    served = new Headers({ "x-forwarded-for": "6.6.6.6", "x-web-socket-peer": "guess 6.6.6.6" })
    try {
      await member.sendSmsCode("13800000000", "login")
    } finally {
      served = before
    }
    expect(sent()[0].headers.get("x-shopper-ip")).toBeNull()
    expect(sent()[0].headers.get("x-web-forward-secret")).toBeNull()
  })

  it("keeps the publishable key and the member's token beside the forwarded headers", async () => {
    await member.changePassword("tok_1", "old-secret", "new-secret-1")
    const [request] = sent()
    expect(request.headers.get("authorization")).toBe("Bearer tok_1")
    expect(request.headers.has("x-publishable-api-key")).toBe(true)
    expect(request.headers.get("content-type")).toBe("application/json")
  })
})
