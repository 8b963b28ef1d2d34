import {
  appointmentCalendarFromEnv,
  bookingRefusal,
  describeSlot,
  isCalendarDate,
  reminderDelay,
  shanghaiToday,
  slotStart,
} from "../appointment-calendar"
import { slotAvailability } from "../slot-availability"

const config = appointmentCalendarFromEnv({})
// 2026-12-01 23:30 in Beijing is 15:30 UTC.
const lateEvening = new Date("2026-12-01T15:30:00Z")

describe("appointment calendar", () => {
  it("counts days in Beijing time, not UTC", () => {
    expect(shanghaiToday(lateEvening)).toBe("2026-12-01")
    expect(shanghaiToday(new Date("2026-12-01T16:00:00Z"))).toBe("2026-12-02")
    expect(slotStart("2026-12-02", "09:00-10:00").toISOString()).toBe("2026-12-02T01:00:00.000Z")
  })

  it("reads slots, capacity and horizon from the environment", () => {
    expect(config.slots[0]).toBe("09:00-10:00")
    expect(config.defaultCapacity).toBe(5)
    const custom = appointmentCalendarFromEnv({
      APPOINTMENT_SLOTS: "14:00-15:00, 08:30-09:30",
      APPOINTMENT_SLOT_CAPACITY: "3",
      APPOINTMENT_MAX_DAYS_AHEAD: "7",
      APPOINTMENT_REMINDER_DELAY_MS: "500",
    })
    expect(custom).toMatchObject({
      slots: ["08:30-09:30", "14:00-15:00"],
      defaultCapacity: 3,
      maxDaysAhead: 7,
      reminderDelayMs: 500,
    })
    expect(() => appointmentCalendarFromEnv({ APPOINTMENT_SLOTS: "9-10" })).toThrow("HH:MM-HH:MM")
  })

  it("refuses past slots, unknown slots, impossible dates and days too far ahead", () => {
    expect(isCalendarDate("2026-02-30")).toBe(false)
    expect(bookingRefusal("2026-02-30", "09:00-10:00", config, lateEvening)).toContain("日期格式")
    expect(bookingRefusal("2026-12-01", "16:00-17:00", config, lateEvening)).toBe(
      "该时段已过，请选择之后的日期或时段"
    )
    expect(bookingRefusal("2026-12-02", "09:30-10:30", config, lateEvening)).toContain(
      "没有 09:30-10:30 这个时段"
    )
    expect(bookingRefusal("2026-12-31", "09:00-10:00", config, lateEvening)).toBeNull()
    expect(bookingRefusal("2027-01-01", "09:00-10:00", config, lateEvening)).toBe(
      "最多可预约 30 天内的时段，请选择更近的日期"
    )
  })

  it("reminds at 18:00 Beijing time the day before, or at once when that has passed", () => {
    const noon = new Date("2026-12-01T04:00:00Z")
    expect(reminderDelay("2026-12-03", config, noon)).toBe(30 * 3600 * 1000)
    expect(reminderDelay("2026-12-02", config, lateEvening)).toBe(0)
    expect(reminderDelay("2026-12-05", { ...config, reminderDelayMs: 200 }, noon)).toBe(200)
  })

  it("writes a slot the way members read it", () => {
    expect(describeSlot("2026-12-01", "09:00-10:00")).toBe("12月1日（周二）09:00-10:00")
  })

  it("lists remaining places and marks full or past slots unbookable", () => {
    const days = slotAvailability({
      from: "2026-12-01",
      days: 2,
      capacity: 2,
      taken: new Map([["2026-12-02 09:00-10:00", 2]]),
      config,
      now: lateEvening,
    })
    expect(days.map((d) => d.date)).toEqual(["2026-12-01", "2026-12-02"])
    expect(days[0].slots.every((s) => !s.bookable && s.remaining === 2)).toBe(true)
    expect(days[1].slots[0]).toEqual({
      slot: "09:00-10:00",
      capacity: 2,
      remaining: 0,
      bookable: false,
    })
    expect(days[1].slots[1]).toMatchObject({ remaining: 2, bookable: true })
  })
})
