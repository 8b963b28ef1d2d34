/** @jest-environment node */
import { NextRequest } from "next/server"

const ORIGIN = "https://shop.example.cn"
const fetchMock = jest.fn()

beforeAll(() => {
  process.env.STOREFRONT_URL = `${ORIGIN}/`
  process.env.WECHAT_OA_APPID = "wx_oa_test"
  process.env.WECHAT_OA_SECRET = "oa-secret"
  process.env.WECHAT_OPEN_BASE = "https://open.weixin.qq.com"
  process.env.WECHAT_API_BASE = "https://api.weixin.qq.com"
  global.fetch = fetchMock as unknown as typeof fetch
})
afterAll(() => {
  for (const name of [
    "STOREFRONT_URL",
    "WECHAT_OA_APPID",
    "WECHAT_OA_SECRET",
    "WECHAT_OPEN_BASE",
    "WECHAT_API_BASE",
  ]) {
    delete process.env[name]
  }
})
beforeEach(() => fetchMock.mockReset())

const { GET } =
  require("@/app/api/wechat/oauth/route") as typeof import("@/app/api/wechat/oauth/route")

/** A request as an attacker sends it: every header that could name a host names theirs. */
function hostile(query: string, cookie?: string) {
  return new NextRequest(`http://web.internal:8000/api/wechat/oauth?${query}`, {
    headers: {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
      ...(cookie ? { cookie } : {}),
    },
  })
}

describe("GET /api/wechat/oauth", () => {
  it("sends WeChat a callback on the public origin, whatever the Host headers say", async () => {
    const response = await GET(hostile("next=%2Fcheckout"))
    const authorize = new URL(response.headers.get("location")!)
    expect(authorize.origin).toBe("https://open.weixin.qq.com")
    const callback = new URL(authorize.searchParams.get("redirect_uri")!)
    expect(callback.origin).toBe(ORIGIN)
    expect(callback.pathname).toBe("/api/wechat/oauth")
    expect(callback.searchParams.get("next")).toBe("/checkout")
    // The state cookie is Secure because the public origin is https.
    expect(response.headers.get("set-cookie")).toMatch(/wx_oa_state=\w+;.*Secure/i)
  })

  it.each(["/\\evil.example", "//evil.example", "/%2F%2Fevil.example", "https://evil.example"])(
    "keeps next=%j on the shop (callback and return)",
    async (next) => {
      const response = await GET(hostile(`next=${encodeURIComponent(next)}`))
      const authorize = new URL(response.headers.get("location")!)
      const callback = new URL(authorize.searchParams.get("redirect_uri")!)
      expect(callback.searchParams.get("next")).toBe("/checkout")
    }
  )

  it("comes back to the public origin after WeChat answers, with the openid kept", async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ openid: "o_payer" })))
    const response = await GET(
      hostile("code=c1&state=s1&next=%2Fcheckout%3Fstep%3Dpay", "wx_oa_state=s1")
    )
    expect(response.headers.get("location")).toBe(`${ORIGIN}/checkout?step=pay`)
    expect(response.headers.get("set-cookie")).toMatch(/wx_oa_openid=o_payer/)
  })

  it.each(["/\\evil.example", "//evil.example", "/%5Cevil.example", "/.//evil.example"])(
    "a failed round trip with next=%j returns to the shop's checkout",
    async (next) => {
      const response = await GET(
        hostile(`code=c1&state=forged&next=${encodeURIComponent(next)}`, "wx_oa_state=s1")
      )
      expect(response.headers.get("location")).toBe(`${ORIGIN}/checkout?wechat_oauth=failed`)
    }
  )

  it("returns to the shop when no official account is configured", async () => {
    delete process.env.WECHAT_OA_APPID
    try {
      const response = await GET(hostile("next=%2F%2Fevil.example"))
      expect(response.headers.get("location")).toBe(`${ORIGIN}/checkout?wechat_oauth=failed`)
    } finally {
      process.env.WECHAT_OA_APPID = "wx_oa_test"
    }
  })
})
