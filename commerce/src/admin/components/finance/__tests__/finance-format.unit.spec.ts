import {
  formatBeijingTime,
  formatFen,
  formatPercent,
  lastMonth,
  thisMonth,
} from "../finance-format"

describe("finance page formatting", () => {
  it("writes fen as yuan with two decimals and thousands, exactly", () => {
    expect(formatFen(0)).toBe("¥0.00")
    expect(formatFen(5)).toBe("¥0.05")
    expect(formatFen(123456789)).toBe("¥1,234,567.89")
    expect(formatFen(-1999)).toBe("-¥19.99")
  })

  it("writes a change in percent, and a dash when there was nothing before", () => {
    expect(formatPercent(12.5)).toBe("+12.5%")
    expect(formatPercent(-59.5)).toBe("-59.5%")
    expect(formatPercent(0)).toBe("0%")
    expect(formatPercent(null)).toBe("—")
  })

  it("picks this month and last month in Beijing time, across a year end", () => {
    // 1 January 2027 00:30 in Beijing is still 31 December in UTC.
    const newYear = new Date("2026-12-31T16:30:00Z")
    expect(thisMonth(newYear)).toEqual({ from: "2027-01-01", to: "2027-01-01" })
    expect(lastMonth(newYear)).toEqual({ from: "2026-12-01", to: "2026-12-31" })
    expect(lastMonth(new Date("2028-03-10T04:00:00Z"))).toEqual({
      from: "2028-02-01",
      to: "2028-02-29",
    })
  })

  it("shows instants in Beijing time", () => {
    expect(formatBeijingTime("2026-10-31T16:30:00.000Z")).toBe("2026-11-01 00:30")
  })
})
