/** One roster line as the on-duty rule reads it (Beijing weekdays and hours). */
export type DutyShift = {
  phone: string
  /** 1 = Monday … 7 = Sunday: the day the shift starts. */
  weekdays: number[]
  start_time: string
  /** At or before `start_time`: the shift ends the next day (a night shift). */
  end_time: string
}

const BEIJING_OFFSET_MS = 8 * 3_600_000

/** The Beijing weekday (1–7) and "HH:MM" of an instant (China keeps no summer time). */
export function beijingClock(at: Date): { weekday: number; time: string } {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS)
  const day = local.getUTCDay()
  const time = `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`
  return { weekday: day === 0 ? 7 : day, time }
}

/** Whether `shift` covers the instant `at` (start inclusive, end exclusive). */
export function shiftCovers(shift: DutyShift, at: Date): boolean {
  const { weekday, time } = beijingClock(at)
  if (shift.start_time < shift.end_time) {
    return shift.weekdays.includes(weekday) && time >= shift.start_time && time < shift.end_time
  }
  // A night shift: the evening of a listed day, or the small hours after it.
  const yesterday = weekday === 1 ? 7 : weekday - 1
  return (
    (shift.weekdays.includes(weekday) && time >= shift.start_time) ||
    (shift.weekdays.includes(yesterday) && time < shift.end_time)
  )
}

/**
 * Who gets an anomaly SMS at `at`: the roster's phones on duty then (each once), or, when
 * nobody on the roster is, the fallback list (ESCORT_ONDUTY_PHONES), so an alert is never
 * sent to no one because the roster has a gap.
 */
export function phonesOnDuty(roster: DutyShift[], at: Date, fallback: string[]): string[] {
  const onDuty = [...new Set(roster.filter((s) => shiftCovers(s, at)).map((s) => s.phone))]
  return onDuty.length ? onDuty : [...new Set(fallback)]
}
