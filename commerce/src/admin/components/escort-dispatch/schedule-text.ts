const WEEKDAYS = ["", "一", "二", "三", "四", "五", "六", "日"]

export type Schedule = {
  weekdays: number[]
  start_time: string
  end_time: string
  days_off: string[]
}

/** "周一、周二 08:00–18:00，休 2027-01-05"; no schedule: any time. */
export function describeSchedule(schedule: Schedule | null): string {
  if (!schedule) return "未设置（任何时间可接单）"
  const days = schedule.weekdays.map((d) => `周${WEEKDAYS[d]}`).join("、") || "无可接单日"
  const off = schedule.days_off.length ? `，休 ${schedule.days_off.join("、")}` : ""
  return `${days} ${schedule.start_time}–${schedule.end_time}${off}`
}
