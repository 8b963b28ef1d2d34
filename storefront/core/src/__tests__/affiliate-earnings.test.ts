import { monthlyEarnings, normalizeShareCode, shanghaiMonth } from "../affiliate/earnings"

describe("affiliate earnings", () => {
  it("groups by Shanghai month, not UTC", () => {
    // 2026-10-31 17:00 UTC is already 1 November in Shanghai.
    expect(shanghaiMonth(new Date("2026-10-31T17:00:00Z"))).toBe("2026-11")
    expect(shanghaiMonth(new Date("2026-10-31T15:59:00Z"))).toBe("2026-10")
  })

  it("nets commissions and reversals per month and keeps empty months", () => {
    const now = new Date("2026-11-25T04:00:00Z")
    const chart = monthlyEarnings(
      [
        { kind: "commission", amount: 0.1, created_at: "2026-11-02T00:00:00Z" },
        { kind: "commission", amount: 0.2, created_at: "2026-11-03T00:00:00Z" },
        { kind: "reversal", amount: -0.1, created_at: "2026-11-04T00:00:00Z" },
        { kind: "commission", amount: 80, created_at: "2026-09-10T00:00:00Z" },
        { kind: "withdrawal_paid", amount: 50, created_at: "2026-11-05T00:00:00Z" },
        { kind: "commission", amount: 999, created_at: "2025-01-01T00:00:00Z" },
      ],
      now,
      3
    )
    expect(chart).toEqual([
      { month: "2026-09", label: "9月", amount: 80 },
      { month: "2026-10", label: "10月", amount: 0 },
      { month: "2026-11", label: "11月", amount: 0.2 },
    ])
  })

  it("walks back across a year boundary from the 31st", () => {
    const chart = monthlyEarnings([], new Date("2027-01-31T04:00:00Z"), 3)
    expect(chart.map((m) => m.month)).toEqual(["2026-11", "2026-12", "2027-01"])
  })

  it("reads share codes", () => {
    expect(normalizeShareCode(" abc2345 ")).toBe("ABC2345")
    expect(normalizeShareCode("O0I1")).toBeNull()
    expect(normalizeShareCode(undefined)).toBeNull()
  })
})
