import type { AttemptQuestion } from "../types"

export type ExamGrade = {
  correct_count: number
  total: number
  /** Whole percent, rounded down: 79.9 does not pass a pass mark of 80. */
  score_percent: number
  passed: boolean
  /** Question ids answered wrongly or not at all. */
  wrong: string[]
}

const sameKeys = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((key) => right.has(key))
}

/**
 * A question counts only when exactly its correct options were chosen (a multiple-choice
 * question with one missing or one extra option is wrong; a single-choice one takes one).
 */
export function gradeExam(
  questions: readonly AttemptQuestion[],
  answers: Record<string, readonly string[]>,
  passMarkPercent: number
): ExamGrade {
  const wrong: string[] = []
  for (const question of questions) {
    const chosen = answers[question.question_id] ?? []
    const fits = question.kind === "single" ? chosen.length === 1 : chosen.length >= 1
    if (!fits || !sameKeys(chosen, question.correct)) wrong.push(question.question_id)
  }
  const total = questions.length
  const correct = total - wrong.length
  const score = total ? Math.floor((correct * 100) / total) : 0
  return {
    correct_count: correct,
    total,
    score_percent: score,
    passed: score >= passMarkPercent,
    wrong,
  }
}
