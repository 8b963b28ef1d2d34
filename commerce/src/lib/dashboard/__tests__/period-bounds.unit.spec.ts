import { bounds, periodDays } from "../period-bounds"

describe("dashboard period bounds", () => {
  it("runs from Beijing midnight of `from` to Beijing midnight after `to`", () => {
    expect(bounds({ from: "2026-03-01", to: "2026-03-31" })).toEqual([
      "2026-03-01T00:00:00+08:00",
      "2026-03-31T16:00:00.000Z",
    ])
  })

  it("counts the days of the period, both ends included, across month and leap days", () => {
    expect(periodDays({ from: "2026-03-05", to: "2026-03-05" })).toBe(1)
    expect(periodDays({ from: "2026-03-01", to: "2026-03-31" })).toBe(31)
    expect(periodDays({ from: "2028-02-01", to: "2028-03-01" })).toBe(30)
  })
})
