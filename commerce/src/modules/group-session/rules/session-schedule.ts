/** What a session may be, and when its room takes questions. Pure: times come in. */

export const TITLE_CHARS = { min: 2, max: 60 }
export const TOPIC_MAX_CHARS = 1000
export const CAPACITY = { min: 2, max: 1000 }
export const DURATION_MINUTES = { min: 15, max: 240 }
/** Sessions are planned at most this far ahead, so the list stays a list of real plans. */
export const MAX_DAYS_AHEAD = 90
/** The room opens for questions this long before the start, so the expert can sort them. */
export const QUESTIONS_OPEN_MINUTES_BEFORE = 30
export const QUESTION_CHARS = { min: 5, max: 300 }
/** A member's questions waiting at once in one session: the moderator's queue stays short. */
export const MAX_PENDING_PER_MEMBER = 3
/** Questions per member per minute, across sessions (counted in Redis by the route). */
export const QUESTIONS_PER_MINUTE = 3

export type SessionTimes = { starts_at: Date | string; ends_at: Date | string }
export type SessionPhase = "upcoming" | "live" | "ended"

export const SESSION_PHASE_LABELS: Record<SessionPhase, string> = {
  upcoming: "未开始",
  live: "进行中",
  ended: "已结束",
}

const MINUTE = 60_000

export function sessionPhase(session: SessionTimes, now: Date): SessionPhase {
  if (now < new Date(session.starts_at)) return "upcoming"
  return now < new Date(session.ends_at) ? "live" : "ended"
}

/** Why the room does not take a question now, or null when it does. */
export function questionsClosedReason(session: SessionTimes, now: Date): string | null {
  const opens = new Date(
    new Date(session.starts_at).getTime() - QUESTIONS_OPEN_MINUTES_BEFORE * MINUTE
  )
  if (now < opens) return `开始前 ${QUESTIONS_OPEN_MINUTES_BEFORE} 分钟开放提问，请稍后再来`
  if (now >= new Date(session.ends_at)) return "本场咨询已结束，不能再提问"
  return null
}

export type ScheduleInput = {
  title: string
  topic: string
  starts_at: Date
  ends_at: Date
  capacity: number
}

/** Why an expert cannot schedule this session, in words they can act on, or null. */
export function scheduleProblem(input: ScheduleInput, now: Date): string | null {
  const title = input.title.trim()
  if (title.length < TITLE_CHARS.min || title.length > TITLE_CHARS.max) {
    return `标题应为 ${TITLE_CHARS.min} 至 ${TITLE_CHARS.max} 个字`
  }
  if (input.topic.trim().length > TOPIC_MAX_CHARS) return `主题介绍不超过 ${TOPIC_MAX_CHARS} 字`
  if (input.starts_at <= now) return "开始时间须晚于现在"
  if (input.starts_at.getTime() - now.getTime() > MAX_DAYS_AHEAD * 24 * 60 * MINUTE) {
    return `只能安排 ${MAX_DAYS_AHEAD} 天内的场次`
  }
  const minutes = (input.ends_at.getTime() - input.starts_at.getTime()) / MINUTE
  if (minutes < DURATION_MINUTES.min || minutes > DURATION_MINUTES.max) {
    return `每场时长应为 ${DURATION_MINUTES.min} 分钟至 ${DURATION_MINUTES.max / 60} 小时`
  }
  if (
    !Number.isInteger(input.capacity) ||
    input.capacity < CAPACITY.min ||
    input.capacity > CAPACITY.max
  ) {
    return `人数上限应为 ${CAPACITY.min} 至 ${CAPACITY.max} 的整数`
  }
  return null
}
