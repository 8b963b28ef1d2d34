import { beijingClock, phonesOnDuty, shiftCovers, type DutyShift } from "../duty-roster"

/** A Beijing wall-clock time as an instant. */
const beijing = (isoLocal: string) => new Date(`${isoLocal}+08:00`)

const weekdays: DutyShift = {
  phone: "+8613800000001",
  weekdays: [1, 2, 3, 4, 5],
  start_time: "08:30",
  end_time: "18:00",
}
const nights: DutyShift = {
  phone: "+8613800000002",
  weekdays: [5],
  start_time: "22:00",
  end_time: "08:00",
}

describe("on-duty roster", () => {
  it("reads the instant on Beijing's clock, whatever the server's zone", () => {
    // 2026-12-07 is a Monday; 23:30 UTC on Sunday is already Monday 07:30 in Beijing.
    expect(beijingClock(new Date("2026-12-06T23:30:00Z"))).toEqual({ weekday: 1, time: "07:30" })
    expect(beijingClock(beijing("2026-12-13T12:05"))).toEqual({ weekday: 7, time: "12:05" })
  })

  it("covers a day shift from its start up to, not including, its end on listed days", () => {
    expect(shiftCovers(weekdays, beijing("2026-12-07T08:30"))).toBe(true)
    expect(shiftCovers(weekdays, beijing("2026-12-07T08:29"))).toBe(false)
    expect(shiftCovers(weekdays, beijing("2026-12-07T17:59"))).toBe(true)
    expect(shiftCovers(weekdays, beijing("2026-12-07T18:00"))).toBe(false)
    // Saturday is not listed.
    expect(shiftCovers(weekdays, beijing("2026-12-12T10:00"))).toBe(false)
  })

  it("runs a night shift past midnight into the next day", () => {
    // Friday 2026-12-11 22:00 → Saturday 08:00.
    expect(shiftCovers(nights, beijing("2026-12-11T21:59"))).toBe(false)
    expect(shiftCovers(nights, beijing("2026-12-11T23:00"))).toBe(true)
    expect(shiftCovers(nights, beijing("2026-12-12T07:59"))).toBe(true)
    expect(shiftCovers(nights, beijing("2026-12-12T08:00"))).toBe(false)
    // Friday's small hours belong to Thursday's night, which is not listed.
    expect(shiftCovers(nights, beijing("2026-12-11T03:00"))).toBe(false)
  })

  it("texts whoever is on duty now, each once, else the fallback list", () => {
    const twice = { ...weekdays, weekdays: [1], start_time: "00:00", end_time: "23:59" }
    const fallback = ["+8613900000009"]
    expect(phonesOnDuty([weekdays, twice, nights], beijing("2026-12-07T09:00"), fallback)).toEqual([
      "+8613800000001",
    ])
    expect(phonesOnDuty([weekdays, nights], beijing("2026-12-12T01:00"), fallback)).toEqual([
      "+8613800000002",
    ])
    // Sunday noon: nobody on the roster, so the env list gets it.
    expect(phonesOnDuty([weekdays, nights], beijing("2026-12-13T12:00"), fallback)).toEqual(
      fallback
    )
    expect(phonesOnDuty([], beijing("2026-12-13T12:00"), [])).toEqual([])
  })
})
