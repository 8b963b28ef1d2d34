import { storefrontChannelOf } from "../storefront-channel"

describe("storefront channel (x-storefront-channel)", () => {
  it("is the mini-program only when the header says so", () => {
    expect(storefrontChannelOf({ headers: { "x-storefront-channel": "miniprogram" } })).toBe(
      "miniprogram"
    )
    expect(storefrontChannelOf({ headers: { "x-storefront-channel": " MiniProgram " } })).toBe(
      "miniprogram"
    )
    expect(storefrontChannelOf({ headers: { "x-storefront-channel": ["miniprogram"] } })).toBe(
      "miniprogram"
    )
  })

  it("takes any other or no value for the web", () => {
    expect(storefrontChannelOf({ headers: {} })).toBe("web")
    expect(storefrontChannelOf({ headers: { "x-storefront-channel": "web" } })).toBe("web")
    expect(storefrontChannelOf({ headers: { "x-storefront-channel": "app" } })).toBe("web")
  })
})
