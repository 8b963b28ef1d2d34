import { publicOrigin } from "../public-origins"

describe("public origins", () => {
  it("reads the new name first, then the old one, without a trailing slash", () => {
    expect(
      publicOrigin("storefront", {
        STOREFRONT_PUBLIC_URL: "https://shop.example.cn/",
        STOREFRONT_URL: "http://web:8000",
      })
    ).toBe("https://shop.example.cn")
    expect(publicOrigin("commerce", { MEDUSA_BACKEND_URL: "https://api.example.cn" })).toBe(
      "https://api.example.cn"
    )
  })

  it("falls back to the npm start address only outside production", () => {
    expect(publicOrigin("storefront", {})).toBe("http://localhost:8000")
    expect(publicOrigin("commerce", { NODE_ENV: "test" })).toBe("http://localhost:9000")
    expect(() => publicOrigin("storefront", { NODE_ENV: "production" })).toThrow(
      "STOREFRONT_PUBLIC_URL is not set"
    )
  })
})
