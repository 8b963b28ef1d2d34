import { createAffiliateEarningsClient } from "../affiliate/earnings"
import { recordingFetch } from "./support/recording-fetch"

describe("affiliate earnings client", () => {
  it("reads the monthly sums with the member's token, never cached, labelled by month", async () => {
    const { fetch, calls } = recordingFetch({
      body: {
        monthly_earnings: [
          { month: "2026-12", amount: 0, amount_fen: 0 },
          { month: "2027-01", amount: 120.3, amount_fen: 12030 },
        ],
      },
    })
    const client = createAffiliateEarningsClient({
      baseUrl: "http://shop",
      publishableKey: "pk",
      fetch,
    })
    expect(await client.monthly("tok", 2)).toEqual([
      { month: "2026-12", label: "12月", amount: 0 },
      { month: "2027-01", label: "1月", amount: 120.3 },
    ])
    expect(calls[0].url).toBe("http://shop/store/affiliate/earnings/monthly?months=2")
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
    expect(calls[0].init?.cacheHint).toBe("no-store")
  })
})
