import { consecutiveRuns, wholeMonthsOf } from "../finance-rollup"
import { monthBounds, shiftMonth } from "../ledger-rollup"
import { memberRollupBindings } from "../finance-summary-sql"

describe("finance rollup runs", () => {
  it("refreshes consecutive days together, a week at most, and a lone dirty day alone", () => {
    const year = Array.from({ length: 16 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 28 + i)).toISOString().slice(0, 10)
    )
    expect(consecutiveRuns(year)).toEqual([
      ["2026-01-28", "2026-02-03"],
      ["2026-02-04", "2026-02-10"],
      ["2026-02-11", "2026-02-12"],
    ])
    expect(consecutiveRuns(["2026-02-27", "2026-03-01", "2026-03-02", "2026-11-05"])).toEqual([
      ["2026-02-27", "2026-02-27"],
      ["2026-03-01", "2026-03-02"],
      ["2026-11-05", "2026-11-05"],
    ])
    expect(consecutiveRuns([])).toEqual([])
  })

  it("bounds a ledger month by Beijing midnights, across the year's end", () => {
    expect(monthBounds("2026-12")).toEqual({
      start: "2026-11-30T16:00:00.000Z",
      end: "2026-12-31T16:00:00.000Z",
    })
    expect(monthBounds("2026-02").end).toBe("2026-02-28T16:00:00.000Z")
    expect([shiftMonth("2026-01", -1), shiftMonth("2026-12", 1)]).toEqual(["2025-12", "2027-01"])
  })

  it("reads the member rollup's days around the stretch read raw, and none without a rollup", () => {
    const span = {
      from: "2026-11-01",
      to: "2026-11-30",
      rawFirst: "2026-11-21",
      rawLast: "2026-11-21",
    }
    expect(memberRollupBindings({ channel: "offline" }, span)).toEqual([
      "2026-11-01",
      "2026-11-20",
      "2026-11-22",
      "2026-11-30",
      "infinity",
      "-infinity",
      // No whole months, no hours.
      "infinity",
      "-infinity",
      "infinity",
      "-infinity",
      null,
      null,
      null,
      null,
      "offline",
      "offline",
      null,
      null,
    ])
    expect(
      memberRollupBindings({}, { ...span, rawFirst: null, rawLast: null }).slice(0, 4)
    ).toEqual(["2026-11-01", "2026-11-30", "infinity", "-infinity"])
    expect(memberRollupBindings({}).slice(0, 4)).toEqual([
      "infinity",
      "-infinity",
      "infinity",
      "-infinity",
    ])
  })
})

describe("the whole months a product split reads from the monthly rollup", () => {
  it("takes the months wholly inside the period and before the first day read raw", () => {
    // A year up to 7 December, today read raw: January to November.
    expect(wholeMonthsOf("2026-01-01", "2026-12-07")).toEqual({
      first: "2026-01-01",
      last: "2026-11-01",
    })
    // A year starting mid-month: the partial first month is read by days.
    expect(wholeMonthsOf("2025-12-08", "2026-12-07")).toEqual({
      first: "2026-01-01",
      last: "2026-11-01",
    })
    // A dirty 15 November: November and later read by days.
    expect(wholeMonthsOf("2026-01-01", "2026-11-15")).toEqual({
      first: "2026-01-01",
      last: "2026-10-01",
    })
    // Across a year's end.
    expect(wholeMonthsOf("2026-11-01", "2027-02-01")).toEqual({
      first: "2026-11-01",
      last: "2027-01-01",
    })
  })

  it("has none when no month is whole", () => {
    expect(wholeMonthsOf("2026-11-02", "2026-12-01")).toBeNull()
    expect(wholeMonthsOf("2026-11-01", "2026-11-30")).toBeNull()
  })
})
