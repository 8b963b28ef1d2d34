import { itemsForSex, type Sex } from "@health/contracts"
import {
  ANSWER_MAX,
  ANSWER_MIN,
  STANDARD_QUESTIONNAIRE,
  type ScoringQuestionnaire,
} from "./questionnaire"

export type AnswerProblems = { missing: string[]; invalid: string[]; unknown: string[] }

/**
 * Lists every item of the version asked of `sex` that is missing, out of range or not an
 * integer, and every code the version does not ask that person.
 */
export function findAnswerProblems(
  answers: Record<string, unknown>,
  questionnaire: ScoringQuestionnaire = STANDARD_QUESTIONNAIRE,
  sex?: Sex
): AnswerProblems {
  const asked = itemsForSex(questionnaire.items, sex).map((item) => item.code)
  const known = new Set(asked)
  const missing: string[] = []
  const invalid: string[] = []
  for (const code of asked) {
    const value = answers[code]
    if (value === undefined || value === null) {
      missing.push(code)
    } else if (
      typeof value !== "number" ||
      !Number.isInteger(value) ||
      value < ANSWER_MIN ||
      value > ANSWER_MAX
    ) {
      invalid.push(code)
    }
  }
  const unknown = Object.keys(answers).filter((code) => !known.has(code))
  return { missing, invalid, unknown }
}

export function describeAnswerProblems({
  missing,
  invalid,
  unknown,
}: AnswerProblems): string | null {
  const parts: string[] = []
  if (missing.length) parts.push(`未作答的题目: ${missing.join(", ")}`)
  if (invalid.length) parts.push(`答案须为 1 到 5 的整数: ${invalid.join(", ")}`)
  if (unknown.length) parts.push(`不存在的题目: ${unknown.join(", ")}`)
  return parts.length ? parts.join("；") : null
}
