import { formatCNY, formatDate, formatDateTime, sumCNY, toFen } from "../format"

describe("money", () => {
  it.each([
    [1299, 129900],
    ["1299.5", 129950],
    ["19.99", 1999],
    [0.01, 1],
    ["-5.10", -510],
    [null, 0],
  ])("converts %p yuan to %p fen exactly", (amount, fen) => {
    expect(toFen(amount)).toBe(fen)
  })

  it("formats CNY with the ¥ sign, grouping and two decimals", () => {
    expect(formatCNY(1999)).toBe("¥1,999.00")
    expect(formatCNY("3598.5")).toBe("¥3,598.50")
  })

  it("sums in fen so 0.1 + 0.2 is 0.3", () => {
    expect(sumCNY([0.1, 0.2])).toBe(0.3)
    expect(sumCNY(["19.99", "0.01", 1299])).toBe(1319)
  })
})

describe("dates in Asia/Shanghai", () => {
  it("shows a UTC evening as the next Shanghai day", () => {
    expect(formatDate("2026-11-24T16:30:00Z")).toBe("2026年11月25日")
    expect(formatDateTime("2026-11-24T16:30:00Z")).toBe("2026-11-25 00:30")
  })

  it("shows a time just before Shanghai midnight on the same day", () => {
    expect(formatDate("2026-11-24T15:59:00Z")).toBe("2026年11月24日")
    expect(formatDateTime("2026-11-24T15:59:00Z")).toBe("2026-11-24 23:59")
  })
})
