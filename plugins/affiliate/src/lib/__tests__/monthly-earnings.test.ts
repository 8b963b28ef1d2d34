import { lastShanghaiMonths, shanghaiMonth, shanghaiMonthStart } from "../monthly-earnings"

describe("monthly earnings months", () => {
  it("puts an instant in its Beijing-time month", () => {
    expect(shanghaiMonth(new Date("2026-10-31T15:59:59Z"))).toBe("2026-10")
    expect(shanghaiMonth(new Date("2026-10-31T16:00:00Z"))).toBe("2026-11")
  })

  it("lists the last months oldest first, across a year end", () => {
    expect(lastShanghaiMonths(new Date("2027-01-31T20:00:00Z"), 4)).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
    ])
    expect(lastShanghaiMonths(new Date("2026-06-15T00:00:00Z"), 1)).toEqual(["2026-06"])
  })

  it("starts a month at Beijing midnight", () => {
    expect(shanghaiMonthStart("2026-11").toISOString()).toBe("2026-10-31T16:00:00.000Z")
  })
})
