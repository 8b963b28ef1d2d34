/** @jest-environment node */
import {
  unstable_doesMiddlewareMatch,
  unstable_getResponseFromNextConfig,
} from "next/experimental/testing/server"
import { NextRequest } from "next/server"
import nextConfig from "@/next.config"
import { config as proxyConfig, proxy } from "@/proxy"
import { contentSecurityPolicy, newNonce, policySourcesFromEnv } from "@/lib/security-headers"

/** The directives of a policy, by name. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values]
    })
  )
}

const FIXED = {
  "x-frame-options": "SAMEORIGIN",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
}

describe("contentSecurityPolicy", () => {
  const sources = {
    imageOrigins: ["https://api.shop.example.cn", "https://cms.shop.example.cn"],
    development: false,
  }

  it("lets only scripts with this response's nonce run, and nothing frame the shop elsewhere", () => {
    const policy = directives(contentSecurityPolicy("bm9uY2U=", sources))
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"])
    expect(policy["script-src"]).not.toContain("'unsafe-inline'")
    expect(policy["script-src"]).not.toContain("'unsafe-eval'")
    expect(policy["default-src"]).toEqual(["'self'"])
    expect(policy["object-src"]).toEqual(["'none'"])
    expect(policy["base-uri"]).toEqual(["'self'"])
    expect(policy["frame-ancestors"]).toEqual(["'self'"])
    expect(policy["connect-src"]).toEqual(["'self'"])
    expect(policy["worker-src"]).toEqual(["'self'"])
    expect(policy["manifest-src"]).toEqual(["'self'"])
  })

  it("loads images from the shop, commerce and the CMS only", () => {
    const policy = directives(contentSecurityPolicy("n", sources))
    expect(policy["img-src"]).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https://api.shop.example.cn",
      "https://cms.shop.example.cn",
    ])
  })

  it("allows eval and the HMR socket only under next dev", () => {
    const policy = directives(contentSecurityPolicy("n", { ...sources, development: true }))
    expect(policy["script-src"]).toContain("'unsafe-eval'")
    expect(policy["connect-src"]).toEqual(["'self'", "ws:", "wss:"])
  })
})

describe("policySourcesFromEnv", () => {
  it("adds the object store's public origin when files live in a bucket", () => {
    const base = {
      NODE_ENV: "production" as const,
      COMMERCE_PUBLIC_URL: "https://api.shop.example.cn",
    }
    expect(
      policySourcesFromEnv({
        ...base,
        S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
        S3_FILE_URL: "https://files.shop.example.cn/media",
      }).imageOrigins
    ).toContain("https://files.shop.example.cn")
    expect(
      policySourcesFromEnv({ ...base, S3_ENDPOINT: "http://127.0.0.1:4569" }).imageOrigins
    ).toContain("http://127.0.0.1:4569")
  })

  it("takes the browser-facing commerce and CMS origins", () => {
    expect(
      policySourcesFromEnv({
        NODE_ENV: "production",
        MEDUSA_BACKEND_URL: "http://commerce:9000",
        COMMERCE_PUBLIC_URL: "https://api.shop.example.cn/",
        CMS_URL: "http://cms:1337",
        CMS_PUBLIC_URL: "https://cms.shop.example.cn/uploads",
      })
    ).toEqual({
      imageOrigins: ["https://api.shop.example.cn", "https://cms.shop.example.cn"],
      development: false,
    })
  })

  it("falls back to the back ends' own URLs and skips what is not an http(s) URL", () => {
    expect(
      policySourcesFromEnv({
        NODE_ENV: "production",
        MEDUSA_BACKEND_URL: "http://localhost:9000",
        CMS_PUBLIC_URL: "javascript:x",
      }).imageOrigins
    ).toEqual(["http://localhost:9000"])
  })
})

describe("video signalling in the policy", () => {
  it("lets pages open the 视频问诊 signalling socket named by VIDEO_SIGNALLING_URL, and nothing else", () => {
    const sources = policySourcesFromEnv({
      NODE_ENV: "production",
      COMMERCE_PUBLIC_URL: "https://api.shop.example.cn",
      VIDEO_SIGNALLING_URL: "wss://api.shop.example.cn/ws/video",
    })
    expect(sources.socketOrigins).toEqual(["wss://api.shop.example.cn"])
    const policy = directives(contentSecurityPolicy("n", sources))
    expect(policy["connect-src"]).toEqual(["'self'", "wss://api.shop.example.cn"])
    expect(
      policySourcesFromEnv({ NODE_ENV: "production", VIDEO_SIGNALLING_URL: "https://x.cn/ws" })
        .socketOrigins
    ).toBeUndefined()
  })
})

describe("newNonce", () => {
  it("is fresh every time and fits the nonce syntax Next reads", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce))
    expect(nonces.size).toBe(50)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/)
  })
})

describe("proxy.ts", () => {
  function nonceOf(policy: string | null): string {
    return /'nonce-([^']+)'/.exec(policy ?? "")![1]
  }

  it.each([
    "/",
    "/account/sign-in?next=/checkout",
    "/products/gene-basic",
    "/r/AB23CD",
    "/checkout/status?cart=cart_1",
  ])("gives %s the security headers and its nonce to Next", (path) => {
    const response = proxy(new NextRequest(`http://web${path}`))
    for (const [name, value] of Object.entries(FIXED)) {
      expect(response.headers.get(name)).toBe(value)
    }
    const policy = response.headers.get("content-security-policy")
    const parsed = directives(policy!)
    expect(parsed["frame-ancestors"]).toEqual(["'self'"])
    expect(parsed["object-src"]).toEqual(["'none'"])
    expect(parsed["base-uri"]).toEqual(["'self'"])
    // NextResponse.next({ request }) hands the page render the policy Next takes the nonce from.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy)
    expect(nonceOf(policy)).toHaveLength(24)
  })

  it("uses a new nonce for every request and ignores a policy the client sent", () => {
    const sent = "script-src 'nonce-Y2hvc2VuYnlhdHRhY2tlcg=='"
    const first = proxy(
      new NextRequest("http://web/", { headers: { "content-security-policy": sent } })
    )
    const second = proxy(new NextRequest("http://web/"))
    const policy = first.headers.get("x-middleware-request-content-security-policy")
    expect(policy).not.toContain("Y2hvc2VuYnlhdHRhY2tlcg")
    expect(nonceOf(policy)).not.toBe(nonceOf(second.headers.get("content-security-policy")))
  })

  it("keeps the share code from ?ref= on pages", () => {
    const response = proxy(new NextRequest("http://web/products/gene-basic?ref=ab23cd"))
    expect(response.cookies.get("ref_code")?.value).toBe("AB23CD")
  })

  it.each(["/", "/account", "/products/gene-basic", "/r/AB23CD", "/checkout/status"])(
    "runs for %s",
    (url) => {
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url })).toBe(true)
    }
  )

  it.each([
    "/_next/static/chunks/main.js",
    "/api/health-archive/uploads",
    "/api/search/suggest",
    "/api/wechat/oauth",
  ])("leaves %s to next.config.ts (no script there; uploads pass uncut)", (url) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url })).toBe(false)
  })
})

describe("next.config.ts headers for what the proxy skips", () => {
  const headersOf = async (path: string) =>
    (await unstable_getResponseFromNextConfig({ url: `http://web${path}`, nextConfig })).headers

  it.each([
    "/api/search/suggest?q=a",
    "/api/wechat/oauth?next=/checkout",
    "/api/health-archive/uploads",
    "/api/constitution/report/pdf",
    "/api/revalidate",
  ])("gives route %s the fixed headers and a policy that runs no script", async (path) => {
    const headers = await headersOf(path)
    for (const [name, value] of Object.entries(FIXED)) {
      expect(headers.get(name)).toBe(value)
    }
    const policy = directives(headers.get("content-security-policy")!)
    expect(policy["default-src"]).toEqual(["'none'"])
    expect(policy["script-src"]).toBeUndefined()
    expect(policy["object-src"]).toEqual(["'none'"])
    expect(policy["base-uri"]).toEqual(["'self'"])
    expect(policy["frame-ancestors"]).toEqual(["'self'"])
  })

  it.each(["/api/health-archive/reports/rep_1/file", "/api/health-archive/uploads/up_1/file"])(
    "lets the browser's PDF viewer show %s, framed by the shop only",
    async (path) => {
      const headers = await headersOf(path)
      expect(headers.get("x-content-type-options")).toBe("nosniff")
      const policy = directives(headers.get("content-security-policy")!)
      expect(policy["object-src"]).toEqual(["'self'"])
      expect(policy["default-src"]).toEqual(["'none'"])
      expect(policy["frame-ancestors"]).toEqual(["'self'"])
    }
  )

  it("sends the fixed headers and a deny-all policy with built chunks", async () => {
    const headers = await headersOf("/_next/static/chunks/main.js")
    for (const [name, value] of Object.entries(FIXED)) {
      expect(headers.get(name)).toBe(value)
    }
    expect(headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'"
    )
  })

  it("sends no x-powered-by", () => {
    expect(nextConfig.poweredByHeader).toBe(false)
  })
})
