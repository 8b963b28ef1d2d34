/** 值班表's zh-CN text, kept in one place. */
export const DUTY_ROSTER_MESSAGES = {
  title: "陪诊值班表",
  intro:
    "异常告警短信发给此刻在值班的人（北京时间）；结束时间早于或等于开始时间表示跨夜值班。无人在值班时发给环境变量 ESCORT_ONDUTY_PHONES 中的号码。",
  empty: "还没有值班安排",
  add: "添加一行",
  remove: "删除",
  save: "保存值班表",
  saved: "已保存",
  onDutyNow: "此刻接收告警",
  sourceRoster: "（值班表）",
  sourceFallback: "（值班表此刻无人，使用 ESCORT_ONDUTY_PHONES）",
  sourceNone: "无人接收：请添加值班安排或配置 ESCORT_ONDUTY_PHONES",
} as const

export const WEEKDAY_TEXT = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"]

/** A roster line as the form edits it (weekdays 1 = Monday … 7 = Sunday). */
export type DutyRosterRow = {
  phone: string
  name: string
  weekdays: number[]
  start_time: string
  end_time: string
}

export const newDutyRosterRow = (): DutyRosterRow => ({
  phone: "",
  name: "",
  weekdays: [1, 2, 3, 4, 5],
  start_time: "09:00",
  end_time: "18:00",
})

/** Ticks or unticks a weekday, keeping the list sorted. */
export function toggleWeekday(row: DutyRosterRow, day: number): DutyRosterRow {
  const weekdays = row.weekdays.includes(day)
    ? row.weekdays.filter((d) => d !== day)
    : [...row.weekdays, day].sort((a, b) => a - b)
  return { ...row, weekdays }
}

/** "周一至周五 09:00–18:00", "周五 22:00–次日 08:00". */
export function describeShift(row: DutyRosterRow): string {
  const days = row.weekdays.map((d) => WEEKDAY_TEXT[d]).join("、") || "未选星期"
  const overnight = row.end_time <= row.start_time
  return `${days} ${row.start_time}–${overnight ? "次日 " : ""}${row.end_time}`
}

/** The roster as PUT /admin/escort-dispatch/roster takes it (commerce checks each field). */
export function rosterBody(rows: DutyRosterRow[]) {
  return {
    shifts: rows.map((row) => ({
      phone: row.phone.trim(),
      name: row.name.trim(),
      weekdays: row.weekdays,
      start_time: row.start_time,
      end_time: row.end_time,
    })),
  }
}
