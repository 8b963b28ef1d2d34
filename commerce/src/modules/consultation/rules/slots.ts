/** Modes booked in a slot; text consultations are answered within a deadline instead. */
export type SlotMode = "phone" | "video"
export const SLOT_MODES: readonly SlotMode[] = ["phone", "video"]

/** One weekly working window: ISO weekday (1 = 周一), `HH:MM` Beijing time. */
export type ScheduleRule = {
  weekday: number
  start: string
  end: string
  slot_minutes: number
  modes: SlotMode[]
  capacity: number
}

/**
 * One date that differs from the week: `day_off` (the whole day, or only `start`–`end`) or
 * `extra_hours` (a window added on that date, with its own slot length, modes and capacity).
 */
export type ScheduleException = {
  date: string
  kind: "day_off" | "extra_hours"
  start: string | null
  end: string | null
  slot_minutes: number | null
  modes: SlotMode[] | null
  capacity: number | null
}

export type Slot = { start: string; end: string; modes: SlotMode[]; capacity: number }

/** Beijing keeps UTC+8 all year (no daylight saving), so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
/** The widest window one slot listing answers (`from`–`to`). */
export const MAX_SLOT_RANGE_DAYS = 31

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number)
  return h * 60 + m
}

/** `YYYY-MM-DD` of the Beijing calendar day an instant falls on. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant of `HH:MM` (as minutes) on a Beijing date. */
function shanghaiInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + minutes * 60_000)
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD`. */
function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
}

type Window = {
  start: number
  end: number
  slot_minutes: number
  modes: SlotMode[]
  capacity: number
}

function windowsOn(date: string, rules: ScheduleRule[], exceptions: ScheduleException[]): Window[] {
  const ofDay = exceptions.filter((e) => e.date === date)
  if (ofDay.some((e) => e.kind === "day_off" && (!e.start || !e.end))) {
    return extraWindows(ofDay)
  }
  const weekly = rules
    .filter((r) => r.weekday === isoWeekday(date))
    .map((r) => ({ ...r, start: minutesOf(r.start), end: minutesOf(r.end) }))
  return [...weekly, ...extraWindows(ofDay)]
}

function extraWindows(ofDay: ScheduleException[]): Window[] {
  return ofDay
    .filter((e) => e.kind === "extra_hours" && e.start && e.end)
    .map((e) => ({
      start: minutesOf(e.start!),
      end: minutesOf(e.end!),
      slot_minutes: e.slot_minutes ?? 30,
      modes: e.modes?.length ? e.modes : [...SLOT_MODES],
      capacity: e.capacity ?? 1,
    }))
}

/** Minutes of the day a partial day off covers on that date. */
function offRanges(date: string, exceptions: ScheduleException[]): [number, number][] {
  return exceptions
    .filter((e) => e.date === date && e.kind === "day_off" && e.start && e.end)
    .map((e) => [minutesOf(e.start!), minutesOf(e.end!)])
}

/**
 * The doctor's slots starting in [from, to), oldest first: each Beijing day's weekly windows
 * (or none on a day off) plus its extra hours, cut into whole slots; a slot that overlaps a
 * partial day off is dropped; where two windows give the same start the first one counts.
 */
export function generateSlots(
  rules: ScheduleRule[],
  exceptions: ScheduleException[],
  from: Date,
  to: Date
): Slot[] {
  const slots = new Map<string, Slot>()
  const last = shanghaiDate(new Date(to.getTime() - 1))
  for (
    let day = shanghaiDate(from);
    day <= last;
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
  ) {
    const off = offRanges(day, exceptions)
    for (const w of windowsOn(day, rules, exceptions)) {
      for (let m = w.start; m + w.slot_minutes <= w.end; m += w.slot_minutes) {
        const end = m + w.slot_minutes
        if (off.some(([a, b]) => m < b && a < end)) continue
        const startAt = shanghaiInstant(day, m)
        if (startAt < from || startAt >= to) continue
        const key = startAt.toISOString()
        if (slots.has(key)) continue
        slots.set(key, {
          start: key,
          end: shanghaiInstant(day, end).toISOString(),
          modes: [...w.modes],
          capacity: w.capacity,
        })
      }
    }
  }
  return [...slots.values()].sort((a, b) => a.start.localeCompare(b.start))
}

/** A Chinese message when a week's windows overlap on one weekday, else null. */
export function overlappingRules(rules: ScheduleRule[]): string | null {
  const names = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"]
  for (let day = 1; day <= 7; day++) {
    const ofDay = rules
      .filter((r) => r.weekday === day)
      .map((r) => [minutesOf(r.start), minutesOf(r.end)])
      .sort((a, b) => a[0] - b[0])
    for (let i = 1; i < ofDay.length; i++) {
      if (ofDay[i][0] < ofDay[i - 1][1]) return `${names[day]}的排班时段有重叠，请调整后再保存`
    }
  }
  return null
}

/** Minutes after a slot's start by which the doctor must have started (CONSULTATION_SLOT_GRACE_MINUTES, 15). */
export function slotGraceMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.CONSULTATION_SLOT_GRACE_MINUTES || 15)
  return Number.isFinite(minutes) && minutes >= 0 ? minutes : 15
}

/** A listing bound: a Beijing date means its midnight in Beijing; anything else is an instant. */
export function slotBound(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? shanghaiInstant(value, 0) : new Date(value)
}

/** Minutes before a booked slot the member and the doctor are reminded (CONSULTATION_REMINDER_MINUTES, 30). */
export function reminderMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.CONSULTATION_REMINDER_MINUTES || 30)
  return Number.isFinite(minutes) && minutes >= 0 ? minutes : 30
}

/** How long until a slot's reminder is due (0 when that moment has passed). */
export function reminderDelayMs(slotStart: Date, now: Date, minutes = reminderMinutes()): number {
  return Math.max(0, slotStart.getTime() - minutes * 60_000 - now.getTime())
}

/** "12月9日 09:00" in Beijing time, for notices. */
export function beijingTime(at: Date | string): string {
  const shifted = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString()
  return `${Number(shifted.slice(5, 7))}月${Number(shifted.slice(8, 10))}日 ${shifted.slice(11, 16)}`
}

/** When a follow-up's reminder is due: 09:00 Beijing time on its date (0 when past). */
export function followUpReminderDelayMs(dueDate: string, now: Date): number {
  return Math.max(0, shanghaiInstant(dueDate, 9 * 60).getTime() - now.getTime())
}
