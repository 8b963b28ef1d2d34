import type { EscortSchedule } from "./escort-app-types"

export const ESCORT_WEEKDAYS = [
  { value: 1, label: "周一" },
  { value: 2, label: "周二" },
  { value: 3, label: "周三" },
  { value: 4, label: "周四" },
  { value: 5, label: "周五" },
  { value: 6, label: "周六" },
  { value: 7, label: "周日" },
] as const

/** What a new escort's form starts from: weekdays, office hours, no days off. */
export const DEFAULT_ESCORT_SCHEDULE: EscortSchedule = {
  weekdays: [1, 2, 3, 4, 5],
  start_time: "08:00",
  end_time: "17:00",
  days_off: [],
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Why the schedule cannot be saved, in Chinese (before a round trip); null when it can. */
export function escortScheduleProblem(schedule: EscortSchedule): string | null {
  if (!CLOCK.test(schedule.start_time) || !CLOCK.test(schedule.end_time)) {
    return "请填写开始和结束时间，如 08:00"
  }
  if (schedule.start_time >= schedule.end_time) return "结束时间应晚于开始时间"
  if (schedule.days_off.some((day) => !DATE.test(day))) return "休息日格式应为 YYYY-MM-DD"
  return null
}

/** The schedule as commerce stores it: weekdays and days off sorted, without repeats. */
export function normalizeEscortSchedule(schedule: EscortSchedule): EscortSchedule {
  return {
    ...schedule,
    weekdays: [...new Set(schedule.weekdays)].sort((a, b) => a - b),
    days_off: [...new Set(schedule.days_off)].sort(),
  }
}

/** "周一至周五 08:00–17:00" style summary, or a note that no day is open. */
export function escortScheduleSummary(schedule: EscortSchedule | null): string {
  if (!schedule) return "未设置排班：任何时间都可接单"
  if (!schedule.weekdays.length) return "未选择可接单的日子"
  const days = ESCORT_WEEKDAYS.filter((day) => schedule.weekdays.includes(day.value))
    .map((day) => day.label)
    .join("、")
  return `${days} ${schedule.start_time}–${schedule.end_time}`
}
