import { snapshotUntil } from "../ledger-rollup"
import { commissionAccountsQuery } from "../commission-accounting-sql"
import { memberRollupBindings } from "../finance-summary-sql"

/** A Beijing date's midnight as an instant. */
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()

describe("分销核算's ledger snapshot", () => {
  const months = ["2026-10", "2026-11"]
  const clean = new Set([
    "2026-12-01",
    "2026-12-02",
    "2026-12-03",
    "2026-12-04",
    "2026-12-05",
    "2026-12-06",
  ])

  it("reads the current month's finished days from the day rollup and only today raw", () => {
    // Up to the end of 7 December (today): November's running totals, 1–6 December's days,
    // and 7 December's lines.
    expect(snapshotUntil("2026-12-08", months, clean, "2026-10-01")).toEqual({
      month: "2026-11-01",
      days: [["2026-12-01", "2026-12-06"]],
      raw: [[midnight("2026-12-07"), midnight("2026-12-08")]],
    })
    // Up to a month's end: the month's row alone.
    expect(snapshotUntil("2026-12-01", months, clean, "2026-10-01")).toEqual({
      month: "2026-11-01",
      days: [],
      raw: [],
    })
  })

  it("reads a dirty day raw and the clean days on either side of it from the rollup", () => {
    const withDirty = new Set([...clean].filter((day) => day !== "2026-12-03"))
    expect(snapshotUntil("2026-12-07", months, withDirty, "2026-10-01")).toEqual({
      month: "2026-11-01",
      days: [
        ["2026-12-01", "2026-12-02"],
        ["2026-12-04", "2026-12-06"],
      ],
      raw: [[midnight("2026-12-03"), midnight("2026-12-04")]],
    })
    // With today too: one raw stretch from the first day not rolled up to the last.
    expect(snapshotUntil("2026-12-08", months, withDirty, "2026-10-01")).toEqual({
      month: "2026-11-01",
      days: [["2026-12-01", "2026-12-02"]],
      raw: [[midnight("2026-12-03"), midnight("2026-12-08")]],
    })
  })

  it("starts from the first tracked day, and reads what is before it raw, when no month is rolled up", () => {
    expect(snapshotUntil("2026-12-04", [], clean, "2026-12-01")).toEqual({
      month: null,
      days: [["2026-12-01", "2026-12-03"]],
      raw: [["-infinity", midnight("2026-12-01")]],
    })
    // An instant before the first tracked day: every line up to it raw, none after it.
    expect(snapshotUntil("2026-11-20", [], clean, "2026-12-01")).toEqual({
      month: null,
      days: [],
      raw: [["-infinity", midnight("2026-11-20")]],
    })
    expect(snapshotUntil("2026-12-04", [], new Set(), null)).toBeNull()
  })

  it("binds each part of both ends, and empty parts as empty ranges", () => {
    const { sql, bindings } = commissionAccountsQuery({
      t0: midnight("2026-12-01"),
      t1: midnight("2026-12-08"),
      affiliate_id: null,
      atStart: snapshotUntil("2026-12-01", months, clean, "2026-10-01"),
      atEnd: snapshotUntil("2026-12-08", months, clean, "2026-10-01"),
      limit: 20,
      offset: 0,
    })
    expect(sql.split("?").length - 1).toBe(bindings.length)
    expect(sql).toContain("finance_affiliate_daily_rollup")
    expect(bindings).toContain("2026-12-06")
    expect(bindings).toContain(midnight("2026-12-07"))
    // Every line raw: up to each end from the beginning.
    const raw = commissionAccountsQuery({
      t0: midnight("2026-12-01"),
      t1: midnight("2026-12-08"),
      affiliate_id: "aff_1",
      atStart: null,
      atEnd: null,
      limit: 20,
      offset: 0,
    })
    expect(raw.bindings).toEqual(expect.arrayContaining(["-infinity", midnight("2026-12-08")]))
    expect(raw.bindings).not.toContain("2026-12-06")
  })
})

describe("the member rollups' bindings", () => {
  it("reads whole months from the member monthly rollup, the days around them and today's hours", () => {
    const bindings = memberRollupBindings(
      {},
      {
        from: "2025-12-08",
        to: "2026-12-07",
        rawFirst: "2026-12-07",
        rawLast: "2026-12-07",
        months: { first: "2026-01-01", last: "2026-11-01" },
        hours: { first: "2026-12-06T16:00:00.000Z", end: "2026-12-07T05:00:00.000Z" },
      }
    )
    expect(bindings.slice(0, 10)).toEqual([
      "2025-12-08",
      "2025-12-31",
      "2026-12-01",
      "2026-12-06",
      "2026-12-08",
      "2026-12-07",
      "2026-01-01",
      "2026-11-01",
      "2026-12-06T16:00:00.000Z",
      "2026-12-07T05:00:00.000Z",
    ])
    // Without months or hours: their ranges are empty.
    const plain = memberRollupBindings(
      { customer_id: "cus_1" },
      { from: "2026-11-01", to: "2026-11-29", rawFirst: null, rawLast: null }
    )
    expect(plain.slice(0, 12)).toEqual([
      "2026-11-01",
      "2026-11-29",
      "infinity",
      "-infinity",
      "infinity",
      "-infinity",
      "infinity",
      "-infinity",
      "infinity",
      "-infinity",
      "cus_1",
      "cus_1",
    ])
  })
})
