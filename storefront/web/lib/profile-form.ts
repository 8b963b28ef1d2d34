import type { MemberProfile } from "@health/core"

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** Today in Asia/Shanghai as YYYY-MM-DD, whatever the server's zone. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now)
}

/** A real YYYY-MM-DD day (no 2月30日). */
export function isCalendarDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** The profile form as a profile, or the first thing to fix, in Chinese. */
export function readProfileForm(
  form: FormData,
  today = shanghaiToday()
): { profile: MemberProfile; problem?: never } | { profile?: never; problem: string } {
  const profile = {
    last_name: text(form, "last_name"),
    first_name: text(form, "first_name"),
    birth_date: text(form, "birth_date"),
    occupation: text(form, "occupation"),
  }
  if (Array.from(profile.last_name).length > 50) return { problem: "姓氏最多 50 个字" }
  if (Array.from(profile.first_name).length > 50) return { problem: "名字最多 50 个字" }
  const problem =
    birthDateProblem(profile.birth_date, today) ?? occupationProblem(profile.occupation)
  return problem ? { problem } : { profile }
}

/** Why a birth date ("" = not given) cannot be kept, or undefined. */
export function birthDateProblem(value: string, today: string): string | undefined {
  if (!value) return undefined
  if (!isCalendarDate(value) || value < "1900-01-01") return "请选择正确的出生日期"
  if (value > today) return "出生日期不能晚于今天"
  return undefined
}

export function occupationProblem(value: string): string | undefined {
  return Array.from(value).length > 50 ? "职业最多 50 个字" : undefined
}
