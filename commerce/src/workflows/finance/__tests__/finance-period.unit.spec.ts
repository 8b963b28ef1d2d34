import { changeOf, daysOf, periodBounds, previousPeriod } from "../finance-period"

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

  it("compares with the same number of days just before, across month ends and a leap day", () => {
    expect(previousPeriod("2026-12-01", "2026-12-31")).toEqual({
      from: "2026-10-31",
      to: "2026-11-30",
    })
    expect(previousPeriod("2026-11-01", "2026-11-30")).toEqual({
      from: "2026-10-02",
      to: "2026-10-31",
    })
    expect(previousPeriod("2028-03-01", "2028-03-01")).toEqual({
      from: "2028-02-29",
      to: "2028-02-29",
    })
    // 365 days before 2029 end on 31 December 2028, which is a leap year: they start on 2 January.
    expect(previousPeriod("2029-01-01", "2029-12-31")).toEqual({
      from: "2028-01-02",
      to: "2028-12-31",
    })
  })

  it("states a change in fen and in percent to one decimal, with no percent from zero", () => {
    expect(changeOf(1500, 1000)).toEqual({ amount: 500, percent: 50 })
    expect(changeOf(500, 1234)).toEqual({ amount: -734, percent: -59.5 })
    expect(changeOf(0, -200)).toEqual({ amount: 200, percent: 100 })
    expect(changeOf(700, 0)).toEqual({ amount: 700, percent: null })
    expect(changeOf(0, 0)).toEqual({ amount: 0, percent: null })
  })
})
