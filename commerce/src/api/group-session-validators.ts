import { z } from "@medusajs/framework/zod"
import {
  CAPACITY,
  QUESTION_CHARS,
  TITLE_CHARS,
  TOPIC_MAX_CHARS,
} from "../modules/group-session/rules/session-schedule"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/

/** An instant: ISO 8601 with its offset, or a wall time (2026-12-20T19:30) in Asia/Shanghai. */
function instant(value: unknown): Date | null {
  if (typeof value !== "string") return null
  const text = WALL_TIME.test(value) ? `${value}+08:00` : WITH_OFFSET.test(value) ? value : null
  if (!text) return null
  const at = new Date(text)
  return Number.isNaN(at.getTime()) ? null : at
}

const at = (message: string) =>
  z
    .unknown()
    .refine((v) => instant(v) !== null, message)
    .transform((v) => instant(v) as Date)

const text = (min: number, max: number, message: string) =>
  z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length >= min && v.trim().length <= max,
      message
    )
    .transform((v) => (v as string).trim())

export const ScheduleGroupSessionBody = z.object({
  title: text(
    TITLE_CHARS.min,
    TITLE_CHARS.max,
    `请填写标题（${TITLE_CHARS.min} 至 ${TITLE_CHARS.max} 字）`
  ),
  topic: z
    .unknown()
    .refine(
      (v) => v == null || (typeof v === "string" && v.trim().length <= TOPIC_MAX_CHARS),
      `主题介绍不超过 ${TOPIC_MAX_CHARS} 字`
    )
    .transform((v) => (typeof v === "string" ? v.trim() : "")),
  starts_at: at("开始时间格式应为 2026-12-20T19:30（北京时间）或带时区的 ISO 时间"),
  ends_at: at("结束时间格式应为 2026-12-20T20:30（北京时间）或带时区的 ISO 时间"),
  capacity: z
    .unknown()
    .refine(
      (v) => Number.isInteger(v) && (v as number) >= CAPACITY.min && (v as number) <= CAPACITY.max,
      `人数上限应为 ${CAPACITY.min} 至 ${CAPACITY.max} 的整数`
    )
    .transform((v) => v as number),
})

export const AskGroupSessionQuestionBody = z.object({
  text: text(
    QUESTION_CHARS.min,
    QUESTION_CHARS.max,
    `请写下您的问题（${QUESTION_CHARS.min} 至 ${QUESTION_CHARS.max} 字）`
  ),
})

export const RejectGroupSessionQuestionBody = z.object({
  reason: z
    .unknown()
    .refine(
      (v) => v == null || (typeof v === "string" && v.trim().length <= 200),
      "理由不超过 200 字"
    )
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null)),
})

export const AnswerGroupSessionQuestionBody = z.object({
  answer: text(1, 2000, "请填写回答（不超过 2000 字）"),
})
