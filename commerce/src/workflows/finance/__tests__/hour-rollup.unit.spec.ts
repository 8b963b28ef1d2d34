import { consecutiveHourRuns, hoursRolledFrom } from "../hour-rollup"
import { financeBindings } from "../finance-summary-sql"

describe("finance hourly rollup", () => {
  it("refreshes consecutive hours together, across a Beijing midnight and a month's end", () => {
    // 23:00 and 00:00 in Beijing on 30 November and 1 December: 15:00 and 16:00 UTC.
    const hours = [
      "2026-11-30T14:00:00.000Z",
      "2026-11-30T15:00:00.000Z",
      "2026-11-30T16:00:00.000Z",
      "2026-11-30T18:00:00.000Z",
    ]
    expect(consecutiveHourRuns(hours)).toEqual([
      ["2026-11-30T14:00:00.000Z", "2026-11-30T16:00:00.000Z"],
      ["2026-11-30T18:00:00.000Z", "2026-11-30T18:00:00.000Z"],
    ])
    expect(consecutiveHourRuns([])).toEqual([])
  })

  it("serves only the unbroken run of rolled-up hours a raw stretch starts with", () => {
    // The stretch is 1 December in Beijing (it starts at 16:00 UTC the day before).
    const start = "2026-11-30T16:00:00.000Z"
    expect(
      hoursRolledFrom(start, [
        "2026-11-30T17:00:00.000Z",
        "2026-11-30T16:00:00.000Z",
        "2026-11-30T18:00:00.000Z",
        // 03:00 is dirty (missing), so 04:00 is read raw though it is rolled up.
        "2026-11-30T20:00:00.000Z",
      ])
    ).toBe("2026-11-30T19:00:00.000Z")
    // The first hour not rolled up: nothing is served, the raw read starts where it did.
    expect(hoursRolledFrom(start, ["2026-11-30T17:00:00.000Z"])).toBe(start)
    expect(hoursRolledFrom(start, [])).toBe(start)
  })

  it("binds the hours after the months and before each source's raw period", () => {
    const bindings = financeBindings(
      "2026-12-01T02:00:00.000Z",
      "2026-12-01T16:00:00.000Z",
      {},
      {
        from: "2026-11-01",
        to: "2026-12-01",
        rawFirst: "2026-12-01",
        rawLast: "2026-12-01",
        hours: { first: "2026-11-30T16:00:00.000Z", end: "2026-12-01T02:00:00.000Z" },
      }
    )
    expect(bindings.slice(0, 2)).toEqual(["2026-12-01T02:00:00.000Z", "2026-12-01T16:00:00.000Z"])
    expect(bindings.slice(14, 16)).toEqual(["2026-11-30T16:00:00.000Z", "2026-12-01T02:00:00.000Z"])
    expect(bindings).toHaveLength(16 + 12)
  })
})
