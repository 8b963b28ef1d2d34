import {
  beijingTime,
  followUpReminderDelayMs,
  generateSlots,
  overlappingRules,
  reminderDelayMs,
  shanghaiDate,
  slotBound,
  type ScheduleException,
  type ScheduleRule,
} from "../slots"

// 2026-12-07 is a Monday. Beijing is UTC+8 all year: 09:00 there is 01:00Z.
const monday: ScheduleRule = {
  weekday: 1,
  start: "09:00",
  end: "10:30",
  slot_minutes: 30,
  modes: ["phone", "video"],
  capacity: 1,
}
const week = (from: string, days = 7) => {
  const start = slotBound(from)
  return [start, new Date(start.getTime() + days * 86_400_000)] as const
}
const starts = (rules: ScheduleRule[], exceptions: ScheduleException[], from: string, days = 7) =>
  generateSlots(rules, exceptions, ...week(from, days)).map((s) => s.start)

describe("consultation slots (Asia/Shanghai)", () => {
  it("cuts a weekly window into whole slots at Beijing time, on its weekday only", () => {
    expect(starts([monday], [], "2026-12-07")).toEqual([
      "2026-12-07T01:00:00.000Z",
      "2026-12-07T01:30:00.000Z",
      "2026-12-07T02:00:00.000Z",
    ])
    const [first] = generateSlots([monday], [], ...week("2026-12-07"))
    expect(first).toEqual({
      start: "2026-12-07T01:00:00.000Z",
      end: "2026-12-07T01:30:00.000Z",
      modes: ["phone", "video"],
      capacity: 1,
    })
    // A window that does not fit a last whole slot leaves the remainder out.
    expect(starts([{ ...monday, slot_minutes: 40 }], [], "2026-12-07")).toHaveLength(2)
  })

  it("keeps the same Beijing hours across the dates other zones change their clocks", () => {
    // Europe and the US leave summer time in late March / October / November; Beijing does not.
    for (const date of ["2026-03-30", "2026-10-26", "2026-11-02"]) {
      const [slot] = generateSlots([monday], [], ...week(date, 1))
      expect(slot.start).toBe(`${date}T01:00:00.000Z`)
    }
  })

  it("puts a slot after midnight Beijing time on the Beijing date, not the UTC one", () => {
    const late: ScheduleRule = { ...monday, start: "00:00", end: "01:00", slot_minutes: 60 }
    // 周一 00:00 in Beijing is Sunday 16:00Z.
    expect(starts([late], [], "2026-12-07", 1)).toEqual(["2026-12-06T16:00:00.000Z"])
    expect(shanghaiDate(new Date("2026-12-06T16:00:00Z"))).toBe("2026-12-07")
  })

  it("drops a whole day off, drops only the slots a partial day off touches, adds extra hours", () => {
    const dayOff: ScheduleException = {
      date: "2026-12-07",
      kind: "day_off",
      start: null,
      end: null,
      slot_minutes: null,
      modes: null,
      capacity: null,
    }
    expect(starts([monday], [dayOff], "2026-12-07")).toEqual([])
    // The next Monday is untouched.
    expect(starts([monday], [dayOff], "2026-12-14", 1)).toHaveLength(3)

    const morningOff = { ...dayOff, start: "09:15", end: "09:45" }
    expect(starts([monday], [morningOff], "2026-12-07")).toEqual(["2026-12-07T02:00:00.000Z"])

    const extra: ScheduleException = {
      ...dayOff,
      date: "2026-12-08",
      kind: "extra_hours",
      start: "19:00",
      end: "20:00",
      slot_minutes: 20,
      modes: ["video"],
      capacity: 3,
    }
    const tuesday = generateSlots([monday], [extra], ...week("2026-12-08", 1))
    expect(tuesday.map((s) => [s.start, s.modes, s.capacity])).toEqual([
      ["2026-12-08T11:00:00.000Z", ["video"], 3],
      ["2026-12-08T11:20:00.000Z", ["video"], 3],
      ["2026-12-08T11:40:00.000Z", ["video"], 3],
    ])
    // Extra hours still count on a day otherwise off.
    expect(starts([], [{ ...extra, date: "2026-12-07" }, dayOff], "2026-12-07", 1)).toHaveLength(3)
  })

  it("answers only slots starting inside [from, to)", () => {
    const from = new Date("2026-12-07T01:30:00Z")
    const to = new Date("2026-12-07T02:00:00Z")
    expect(generateSlots([monday], [], from, to).map((s) => s.start)).toEqual([
      "2026-12-07T01:30:00.000Z",
    ])
  })

  it("refuses overlapping windows on one weekday in Chinese", () => {
    expect(overlappingRules([monday, { ...monday, weekday: 2 }])).toBeNull()
    expect(overlappingRules([monday, { ...monday, start: "10:00", end: "11:00" }])).toBe(
      "周一的排班时段有重叠，请调整后再保存"
    )
    expect(overlappingRules([monday, { ...monday, start: "10:30", end: "11:00" }])).toBeNull()
  })

  it("times reminders: 30 minutes before a slot, 09:00 Beijing on a follow-up's date, never negative", () => {
    const slot = new Date("2026-12-09T01:00:00Z")
    expect(reminderDelayMs(slot, new Date("2026-12-09T00:00:00Z"), 30)).toBe(30 * 60_000)
    expect(reminderDelayMs(slot, new Date("2026-12-09T00:45:00Z"), 30)).toBe(0)
    expect(followUpReminderDelayMs("2026-12-10", new Date("2026-12-09T01:00:00Z"))).toBe(86_400_000)
    expect(followUpReminderDelayMs("2026-12-08", new Date("2026-12-09T01:00:00Z"))).toBe(0)
    expect(beijingTime("2026-12-09T01:30:00Z")).toBe("12月9日 09:30")
  })
})
