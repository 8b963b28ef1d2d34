/**
 * Days and time slots of collection-site appointments. A day is a calendar day in
 * Asia/Shanghai (China has no daylight saving time, so a fixed +08:00 offset is exact).
 */

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

export const DEFAULT_APPOINTMENT_SLOTS = [
  "09:00-10:00",
  "10:00-11:00",
  "11:00-12:00",
  "14:00-15:00",
  "15:00-16:00",
  "16:00-17:00",
]

export type AppointmentCalendarConfig = {
  /** The bookable slots of every day, "HH:MM-HH:MM". */
  slots: string[]
  /** Places per site and slot when the site sets none. */
  defaultCapacity: number
  /** How far ahead a member may book, in days after today. */
  maxDaysAhead: number
  /** Fixed reminder delay (tests); otherwise the reminder goes the evening before. */
  reminderDelayMs: number | null
  /** Hour (Beijing time) of the day before at which the reminder goes. */
  reminderHour: number
}

const SLOT_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export function isSlotFormat(slot: string): boolean {
  const match = SLOT_PATTERN.exec(slot)
  return !!match && `${match[1]}:${match[2]}` < `${match[3]}:${match[4]}`
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false
  const parsed = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
}

const positiveInt = (value: string | undefined, fallback: number) => {
  const parsed = Number(value)
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback
}

export function appointmentCalendarFromEnv(
  env: NodeJS.ProcessEnv = process.env
): AppointmentCalendarConfig {
  const slots = (env.APPOINTMENT_SLOTS ?? "")
    .split(",")
    .map((slot) => slot.trim())
    .filter(Boolean)
  for (const slot of slots) {
    if (!isSlotFormat(slot)) throw new Error(`APPOINTMENT_SLOTS: "${slot}" is not HH:MM-HH:MM`)
  }
  const delay = Number(env.APPOINTMENT_REMINDER_DELAY_MS)
  return {
    slots: slots.length ? [...slots].sort() : DEFAULT_APPOINTMENT_SLOTS,
    defaultCapacity: positiveInt(env.APPOINTMENT_SLOT_CAPACITY, 5),
    maxDaysAhead: positiveInt(env.APPOINTMENT_MAX_DAYS_AHEAD, 30),
    reminderDelayMs:
      env.APPOINTMENT_REMINDER_DELAY_MS !== undefined && Number.isFinite(delay) && delay >= 0
        ? delay
        : null,
    reminderHour: Math.min(23, positiveInt(env.APPOINTMENT_REMINDER_HOUR, 18)),
  }
}

/** Today's date in Beijing. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The instant a slot starts: "2026-12-01" + "09:00-10:00" → 2026-12-01T01:00:00Z. */
export function slotStart(date: string, slot: string): Date {
  return new Date(`${date}T${slot.slice(0, 5)}:00+08:00`)
}

/** Days between two calendar dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/**
 * Why a member cannot book (or move to) this day and slot, in words that say what to
 * do instead; null when they can.
 */
export function bookingRefusal(
  date: string,
  slot: string,
  config: AppointmentCalendarConfig,
  now: Date = new Date()
): string | null {
  if (!isCalendarDate(date)) return "日期格式不正确，请选择日历上的日期"
  if (!config.slots.includes(slot)) {
    return `没有 ${slot} 这个时段，请从 ${config.slots.join("、")} 中选择`
  }
  if (slotStart(date, slot).getTime() <= now.getTime()) {
    return "该时段已过，请选择之后的日期或时段"
  }
  if (daysBetween(shanghaiToday(now), date) > config.maxDaysAhead) {
    return `最多可预约 ${config.maxDaysAhead} 天内的时段，请选择更近的日期`
  }
  return null
}

/**
 * When the day-before reminder should go, as a delay from now: at `reminderHour` Beijing
 * time on the day before, or right away when that moment has passed (a booking made late
 * the evening before, or for today).
 */
export function reminderDelay(
  date: string,
  config: AppointmentCalendarConfig,
  now: Date = new Date()
): number {
  if (config.reminderDelayMs !== null) return config.reminderDelayMs
  const hour = String(config.reminderHour).padStart(2, "0")
  const at = new Date(`${addDays(date, -1)}T${hour}:00:00+08:00`).getTime()
  return Math.max(0, at - now.getTime())
}

/** "12月1日（周二）09:00-10:00" */
export function describeSlot(date: string, slot: string): string {
  const day = new Date(`${date}T00:00:00Z`)
  const weekday = "日一二三四五六"[day.getUTCDay()]
  return `${day.getUTCMonth() + 1}月${day.getUTCDate()}日（周${weekday}）${slot}`
}
