import { z } from "@medusajs/framework/zod"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const KEY = /^[0-9a-f]{8}$/
const QUESTION_ID = /^[\w-]{1,64}$/

/**
 * An exam's answers: `{ answers: { <question id>: <option keys> } }`, at most 100 questions
 * and 10 keys each; whether they belong to the attempt is the grader's check.
 */
export const SubmitExamAttemptBody = z.object({
  answers: z
    .unknown()
    .refine(
      (v) =>
        !!v &&
        typeof v === "object" &&
        !Array.isArray(v) &&
        Object.keys(v).length <= 100 &&
        Object.entries(v as Record<string, unknown>).every(
          ([id, keys]) =>
            QUESTION_ID.test(id) &&
            Array.isArray(keys) &&
            keys.length <= 10 &&
            keys.every((key) => typeof key === "string" && KEY.test(key))
        ),
      "请提交每道题所选的选项"
    )
    .transform((v) =>
      Object.fromEntries(
        Object.entries(v as Record<string, string[]>).map(([id, keys]) => [id, [...new Set(keys)]])
      )
    ),
})

/** Staff's offline exam record: which courses (none: every missing required one) and the score. */
export const OfflineCertificatesBody = z.object({
  course_ids: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        (Array.isArray(v) &&
          v.length >= 1 &&
          v.length <= 20 &&
          v.every((id) => typeof id === "string" && QUESTION_ID.test(id))),
      "请选择要登记的课程"
    )
    .transform((v) => (v as string[] | null | undefined) ?? null),
  score_percent: z
    .unknown()
    .refine(
      (v) => v == null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100),
      "成绩应为 0–100 的整数"
    )
    .transform((v) => (v as number | null | undefined) ?? 100),
})
