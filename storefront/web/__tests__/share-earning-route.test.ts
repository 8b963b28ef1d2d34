/** @jest-environment node */
const shareEarnings = jest.fn()
let token: string | undefined = "tok"
jest.mock("@/lib/session", () => ({ readToken: async () => token }))
jest.mock("@/lib/backends", () => ({
  member: {
    affiliate: {
      shareEarnings: (...args: unknown[]) => shareEarnings(...args),
      me: async () => ({ code: "ABC2345", link: "http://localhost:8000/r/ABC2345" }),
    },
  },
}))

const { GET } =
  require("@/app/api/affiliate/share-earning/route") as typeof import("@/app/api/affiliate/share-earning/route")

const ask = (query: string) =>
  GET(new Request(`http://localhost/api/affiliate/share-earning?${query}`))

describe("GET /api/affiliate/share-earning", () => {
  it("answers a distributor what sharing earns and the link the poster carries, never cached", async () => {
    token = "tok"
    shareEarnings.mockResolvedValue([
      { product_id: "prod_1", price: 199, rate_percent: 8, amount: 15.92 },
    ])
    const response = await ask("product=prod_1&handle=folate")
    expect(shareEarnings).toHaveBeenCalledWith("tok", ["prod_1"])
    expect(await response.json()).toEqual({
      offer: { amount: 15.92, posterLink: "http://localhost:8000/products/folate?ref=ABC2345" },
    })
    expect(response.headers.get("cache-control")).toBe("private, no-store")
  })

  it("answers null to members who earn nothing and to visitors, without asking commerce", async () => {
    shareEarnings.mockReset().mockResolvedValue([])
    expect(await (await ask("product=prod_1&handle=folate")).json()).toEqual({ offer: null })
    token = undefined
    shareEarnings.mockClear()
    expect(await (await ask("product=prod_1&handle=folate")).json()).toEqual({ offer: null })
    expect(shareEarnings).not.toHaveBeenCalled()
  })

  it("refuses a malformed product in Chinese", async () => {
    const response = await ask("product=x';drop&handle=folate")
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ message: "商品参数不正确。" })
  })
})
