/** @jest-environment node */
import { publicOrigin } from "@/lib/public-origin"
import { safeRedirectPath } from "@/lib/safe-redirect"

const ORIGIN = "https://shop.example.cn"
const safe = (candidate: unknown, fallback = "/account") =>
  safeRedirectPath(candidate, fallback, ORIGIN)

describe("safeRedirectPath", () => {
  it.each([
    ["/account", "/account"],
    ["/checkout?step=pay", "/checkout?step=pay"],
    [
      "/products/%E5%9F%BA%E5%9B%A0?ref=AB12#reviews",
      "/products/%E5%9F%BA%E5%9B%A0?ref=AB12#reviews",
    ],
    ["/account/orders/order_1", "/account/orders/order_1"],
    ["/a/../account", "/account"],
    ["/search?q=http://evil.example", "/search?q=http://evil.example"],
    ["/search?q=100%25", "/search?q=100%25"],
  ])("keeps the same-site path %s", (candidate, expected) => {
    expect(safe(candidate)).toBe(expected)
  })

  it.each([
    "/\\evil.example",
    "/\\\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "//evil.example",
    "///evil.example",
    "////evil.example/account",
    "/%2F%2Fevil.example",
    "/%2f%2fevil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%5C%5Cevil.example",
    "/\u2028/evil.example",
    "\uff0f\uff0fevil.example",
    "/%255Cevil.example",
    "/%252F%252Fevil.example",
    "/%2F/evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/./%2F/evil.example",
    "https://evil.example",
    "https://shop.example.cn.evil.example/account",
    "http://shop.example.cn/account",
    "HTTPS://evil.example",
    "//shop.example.cn@evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "\t//evil.example",
    " //evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "/account\u0000",
    "/\u007f/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%00",
    "/%E0%A4%A",
    "evil.example",
    "account",
    ".//evil.example",
    "",
    "   ",
    "/\u3000/evil.example",
  ])("refuses %j and falls back", (candidate) => {
    expect(safe(candidate)).toBe("/account")
  })

  it.each([null, undefined, 42, ["/account/orders"], { toString: () => "//evil" }])(
    "refuses a non-string %p",
    (candidate) => {
      expect(safe(candidate, "/checkout")).toBe("/checkout")
    }
  )

  it("never answers anything that leaves the public origin", () => {
    const hostile = ["/\\evil", "//evil", "/%2F%2Fevil", "https://evil", "\t//evil", "/\t/evil"]
    for (const candidate of hostile) {
      const target = new URL(safe(candidate), ORIGIN)
      expect(target.origin).toBe(ORIGIN)
    }
  })
})

describe("publicOrigin", () => {
  it("is STOREFRONT_URL's origin", () => {
    expect(publicOrigin({ STOREFRONT_URL: "https://shop.example.cn/some/path/" })).toBe(
      "https://shop.example.cn"
    )
  })

  it("is this server on localhost when STOREFRONT_URL is not set", () => {
    expect(publicOrigin({ PORT: "18000" })).toBe("http://localhost:18000")
    expect(publicOrigin({})).toBe("http://localhost:8000")
  })

  it("refuses a STOREFRONT_URL that is not an http(s) URL", () => {
    expect(() => publicOrigin({ STOREFRONT_URL: "shop.example.cn" })).toThrow(/STOREFRONT_URL/)
    expect(() => publicOrigin({ STOREFRONT_URL: "javascript:alert(1)" })).toThrow(/STOREFRONT_URL/)
  })
})
