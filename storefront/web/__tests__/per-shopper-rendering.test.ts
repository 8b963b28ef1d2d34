/** @jest-environment node */
import type { FetchLike } from "@health/core"

const events: string[] = []
let insideRequest = true
jest.mock("next/server", () => ({
  connection: async () => {
    events.push("connection")
    // As Next answers outside a request (a timer): nothing to mark, not a render to stop.
    if (!insideRequest) throw new Error("`connection` was called outside a request scope.")
  },
}))
jest.mock("next/headers", () => ({ headers: async () => new Headers() }))

const { perShopperRendersPerRequest } =
  require("@/lib/commerce-fetch") as typeof import("@/lib/commerce-fetch")

/** Stands in for the publishable key's read and the request: what a build without back ends sees. */
const failingInner: FetchLike = async () => {
  events.push("inner")
  throw new Error("connect ECONNREFUSED 127.0.0.1:9000")
}

describe("a commerce call made for one shopper renders its page per request", () => {
  beforeEach(() => {
    events.length = 0
    insideRequest = true
  })

  it("says so before anything can fail, for calls with no cache hint or no-store", async () => {
    const fetch = perShopperRendersPerRequest(failingInner)
    await expect(fetch("http://commerce/store/carts/cart_1")).rejects.toThrow("ECONNREFUSED")
    await expect(
      fetch("http://commerce/store/customers/me", { cacheHint: "no-store" })
    ).rejects.toThrow("ECONNREFUSED")
    expect(events).toEqual(["connection", "inner", "connection", "inner"])
  })

  it("leaves shared, cached reads (the catalogue) to be served from cache", async () => {
    const fetch = perShopperRendersPerRequest(failingInner)
    await expect(
      fetch("http://commerce/store/products", { cacheHint: { tags: ["products"], revalidate: 10 } })
    ).rejects.toThrow("ECONNREFUSED")
    expect(events).toEqual(["inner"])
  })

  it("still calls commerce outside a request", async () => {
    insideRequest = false
    const fetch = perShopperRendersPerRequest(failingInner)
    await expect(fetch("http://commerce/store/carts/cart_1")).rejects.toThrow("ECONNREFUSED")
    expect(events).toEqual(["connection", "inner"])
  })
})
