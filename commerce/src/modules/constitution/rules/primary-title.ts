import { constitutionTypes, type ConstitutionTypeCode } from "./questionnaire"
import type { Verdict } from "./score-constitution"

/** The title of a result in which the standard names no type (see primaryType's comment). */
export const NO_TYPE_TITLE = "未见明显偏颇体质"

/**
 * How a result is called in lists, as the storefronts title a report (core's primaryTitle):
 * the primary type's name; 「未见明显偏颇体质」 when the primary's own verdict is 否 (no type
 * applies, the name would mislead); 「…倾向」 when the primary is only 倾向是.
 */
export function primaryTitle(result: {
  primary: string
  verdicts: Partial<Record<ConstitutionTypeCode, Verdict>>
}): string {
  const name = constitutionTypes.find((t) => t.code === result.primary)?.name ?? result.primary
  const verdict = result.verdicts[result.primary as ConstitutionTypeCode]
  return verdict === "否" ? NO_TYPE_TITLE : verdict === "倾向是" ? `${name}倾向` : name
}
