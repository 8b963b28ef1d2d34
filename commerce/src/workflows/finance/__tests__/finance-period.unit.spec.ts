import { daysOf, periodBounds } from "../finance-period"

describe("finance periods in Beijing dates", () => {
  it("covers from midnight of the first day to the midnight after the last, in UTC+8", () => {
    expect(periodBounds("2026-11-01", "2026-11-30")).toEqual({
      start: "2026-10-31T16:00:00.000Z",
      end: "2026-11-30T16:00:00.000Z",
    })
    expect(periodBounds("2026-12-06", "2026-12-06")).toEqual({
      start: "2026-12-05T16:00:00.000Z",
      end: "2026-12-06T16:00:00.000Z",
    })
  })

  it("lists every day of the period, across month ends and a leap day", () => {
    expect(daysOf("2028-02-27", "2028-03-01")).toEqual([
      "2028-02-27",
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ])
    expect(daysOf("2028-01-01", "2028-12-31")).toHaveLength(366)
    expect(daysOf("2026-11-05", "2026-11-05")).toEqual(["2026-11-05"])
  })
})
