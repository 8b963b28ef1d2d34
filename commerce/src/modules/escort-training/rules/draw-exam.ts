import { randomBytes, randomInt } from "crypto"
import type { AttemptQuestion, BankQuestion } from "../types"

/** A random integer in [0, below): crypto by default, injectable for tests. */
export type PickIndex = (below: number) => number

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], pick: PickIndex = randomInt): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = pick(i + 1)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

/** An option key that says nothing about the option's place in the CMS (where the answer often is). */
const freshKey = () => randomBytes(4).toString("hex")

/**
 * Draws `count` questions from the bank (all of them when it has fewer) in a random order,
 * each with its options shuffled under fresh keys; the correct keys stay with the attempt.
 */
export function drawExam(
  bank: readonly BankQuestion[],
  count: number,
  pick: PickIndex = randomInt
): AttemptQuestion[] {
  const usable = bank.filter(
    (question) => question.options.length >= 2 && question.options.some((option) => option.correct)
  )
  return shuffled(usable, pick)
    .slice(0, Math.max(1, count))
    .map((question) => {
      const options = shuffled(
        question.options.map((option) => ({ ...option, key: freshKey() })),
        pick
      )
      return {
        question_id: question.id,
        kind: question.kind,
        stem: question.stem,
        options: options.map(({ key, text }) => ({ key, text })),
        correct: options.filter((option) => option.correct).map((option) => option.key),
        explanation: question.explanation,
      }
    })
}
