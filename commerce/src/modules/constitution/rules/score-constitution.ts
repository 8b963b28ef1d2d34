import { itemsForSex, type Sex } from "@health/contracts"
import {
  ANSWER_MAX,
  ANSWER_MIN,
  BALANCED_TYPE,
  constitutionTypes,
  type ConstitutionTypeCode,
  STANDARD_QUESTIONNAIRE,
  type ScoringQuestionnaire,
} from "./questionnaire"

export type Verdict = "是" | "基本是" | "倾向是" | "否"
export type Answers = Record<string, number>

export type ConstitutionResult = {
  scores: Record<ConstitutionTypeCode, number>
  verdicts: Record<ConstitutionTypeCode, Verdict>
  primary: ConstitutionTypeCode
}

/** A type's raw score (sum of item scores) and its number of items. */
export type Raw = { raw: number; n: number }

/**
 * Compares a transformed score, (raw − n) / 4n × 100, with a threshold exactly:
 * cross-multiplied in integers, so 30, 40 and 60 are never missed by a rounding error.
 */
function atLeast({ raw, n }: Raw, threshold: number): boolean {
  return (raw - n) * 100 >= threshold * 4 * n
}

function transformed({ raw, n }: Raw): number {
  return Math.round(((raw - n) * 10000) / (4 * n)) / 100
}

/** 偏颇体质: 是 at 40 or more, 倾向是 from 30 to under 40, otherwise 否. */
export function classifyBiased(score: Raw): Verdict {
  return atLeast(score, 40) ? "是" : atLeast(score, 30) ? "倾向是" : "否"
}

/** 平和质: 是 when ≥ 60 and every other type < 30; 基本是 when ≥ 60 and every other < 40; else 否. */
export function classifyBalanced(balanced: Raw, others: Raw[]): Verdict {
  if (!atLeast(balanced, 60)) return "否"
  if (others.every((other) => !atLeast(other, 30))) return "是"
  if (others.every((other) => !atLeast(other, 40))) return "基本是"
  return "否"
}

/**
 * Scores a complete, validated answer sheet by 《中医体质分类与判定》 with one version's items
 * (the standard's by default): each type's raw score is the sum of the items that version
 * counts for it, reverse-scored where it says so, over the items asked of `sex`;
 * transformed scores for all 9 types, 平和质 是/基本是/否, each other type 是/倾向是/否.
 */
export function scoreConstitution(
  answers: Answers,
  questionnaire: ScoringQuestionnaire = STANDARD_QUESTIONNAIRE,
  sex?: Sex
): ConstitutionResult {
  const asked = itemsForSex(questionnaire.items, sex)
  const raws = {} as Record<ConstitutionTypeCode, Raw>
  for (const type of constitutionTypes) {
    let raw = 0
    let n = 0
    for (const item of asked) {
      if (!item.types.includes(type.code)) continue
      const answer = answers[item.code]
      if (!Number.isInteger(answer) || answer < ANSWER_MIN || answer > ANSWER_MAX) {
        throw new Error(`item ${item.code} has no valid answer`)
      }
      raw += item.reverse_in.includes(type.code) ? ANSWER_MAX + ANSWER_MIN - answer : answer
      n++
    }
    // A synced version has items for every type (questionnaireProblems); never divide by 0.
    if (!n) throw new Error(`version ${questionnaire.version} has no item for ${type.code}`)
    raws[type.code] = { raw, n }
  }

  const biased = constitutionTypes.map((t) => t.code).filter((code) => code !== BALANCED_TYPE)
  const verdicts = {} as Record<ConstitutionTypeCode, Verdict>
  for (const code of biased) verdicts[code] = classifyBiased(raws[code])
  verdicts[BALANCED_TYPE] = classifyBalanced(
    raws[BALANCED_TYPE],
    biased.map((code) => raws[code])
  )

  const scores = {} as Record<ConstitutionTypeCode, number>
  for (const type of constitutionTypes) scores[type.code] = transformed(raws[type.code])

  return { scores, verdicts, primary: primaryType(verdicts, raws, biased) }
}

/**
 * The type a report leads with: 平和质 when it is 是 or 基本是, otherwise the biased
 * type with the highest score (ties go to the standard's order).
 *
 * `primary` is always a type code (the API promises one), but it is not always a type the
 * person has: when 平和质 is 否 and every biased type is 否 too (平和质 under 60, every other
 * type under 30), the standard names no type at all. The code is then only the highest-scoring
 * biased type, and its own verdict 否 says so. Whatever shows a result must read the primary's
 * verdict and, when it is 否, title the result 「未见明显偏颇体质」 instead of the type's name;
 * a primary that is only 倾向是 is titled 「…倾向」 (primary-title.ts here, primaryTitle in
 * storefront core).
 */
function primaryType(
  verdicts: Record<ConstitutionTypeCode, Verdict>,
  raws: Record<ConstitutionTypeCode, Raw>,
  biased: ConstitutionTypeCode[]
): ConstitutionTypeCode {
  if (verdicts[BALANCED_TYPE] !== "否") {
    return BALANCED_TYPE
  }
  // Compare (raw − n) / n across types without floats: a/b > c/d ⟺ a·d > c·b.
  return biased.reduce((best, code) => {
    const a = raws[code]
    const b = raws[best]
    return (a.raw - a.n) * b.n > (b.raw - b.n) * a.n ? code : best
  })
}
