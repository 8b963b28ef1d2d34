/** An escort's working time as the schedule rules read it (Beijing dates and times). */
export type ScheduleRule = {
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[]
  start_time: string
  end_time: string
  days_off: string[]
}

/** A task's Beijing date and time window. */
export type TaskWindow = { date: string; start_time: string; end_time: string }

export const WEEKDAY_LABELS = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"]

/** The weekday (1 = Monday … 7 = Sunday) of a Beijing calendar date "YYYY-MM-DD". */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number)
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return day === 0 ? 7 : day
}

/**
 * Why an escort with `schedule` cannot serve `task`, in Chinese; null when they can. No
 * schedule means no restriction. Times are zero-padded "HH:MM", so they compare as text.
 */
export function scheduleRefusal(schedule: ScheduleRule | null, task: TaskWindow): string | null {
  if (!schedule) return null
  if (schedule.days_off.includes(task.date)) return `陪诊员 ${task.date} 休息，不能接该任务`
  const weekday = weekdayOf(task.date)
  if (!schedule.weekdays.includes(weekday)) {
    return `陪诊员${WEEKDAY_LABELS[weekday]}不在排班内，不能接该任务`
  }
  if (task.start_time < schedule.start_time || task.end_time > schedule.end_time) {
    return `任务时段 ${task.start_time}–${task.end_time} 超出陪诊员排班时间 ${schedule.start_time}–${schedule.end_time}`
  }
  return null
}

/** Whether two windows on the same day overlap (touching ends do not). */
export function windowsOverlap(a: TaskWindow, b: TaskWindow): boolean {
  return a.date === b.date && a.start_time < b.end_time && b.start_time < a.end_time
}
