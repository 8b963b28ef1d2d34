/** @jest-environment node */
import { publicOrigin } from "@/lib/public-origin"

describe("the shop's public origin", () => {
  it("reads STOREFRONT_PUBLIC_URL before the old STOREFRONT_URL", () => {
    expect(
      publicOrigin({
        STOREFRONT_PUBLIC_URL: "https://shop.example.cn/",
        STOREFRONT_URL: "http://web:8000",
      })
    ).toBe("https://shop.example.cn")
    expect(() => publicOrigin({ STOREFRONT_PUBLIC_URL: "shop.example.cn" })).toThrow(
      "STOREFRONT_PUBLIC_URL is not a URL"
    )
  })

  it("stops a production start without one, naming the variable, never a silent localhost", () => {
    expect(() => publicOrigin({ NODE_ENV: "production", PORT: "8000" })).toThrow(
      "STOREFRONT_PUBLIC_URL is not set"
    )
    expect(publicOrigin({ NODE_ENV: "production", STOREFRONT_URL: "https://a.example.cn" })).toBe(
      "https://a.example.cn"
    )
  })
})
