import {
  BALANCED_CONSTITUTION,
  CONSTITUTION_CODES,
  CONSTITUTION_NAMES,
  type ConstitutionCode,
  type ConstitutionScores,
  type ConstitutionVerdict,
  type ConstitutionVerdicts,
} from "@health/contracts"

/** The standard's verdicts in words a member reads without the standard at hand. */
export const VERDICT_WORDS: Record<ConstitutionVerdict, string> = {
  是: "符合",
  基本是: "基本符合",
  倾向是: "有倾向",
  否: "不符合",
}

export const constitutionName = (code: string) =>
  CONSTITUTION_NAMES[code as ConstitutionCode] ?? code

/** A type "applies" (its advice is shown, its tag matches) unless its verdict is 否. */
export const verdictApplies = (verdict: ConstitutionVerdict | undefined) =>
  !!verdict && verdict !== "否"

/** The title of a result in which the standard names no type (see primaryTitle). */
export const NO_TYPE_TITLE = "未见明显偏颇体质"

/**
 * What a result is called (a report's big title, a history row): the primary type's name as
 * far as its verdict carries it. Commerce always gives a primary code, but when 平和质 is 否
 * and every 偏颇 type is 否 too that code is only the highest-scoring type, which the person
 * does not have: naming it would mislead, so the title says 「未见明显偏颇体质」. A primary
 * that is only 倾向是 is titled as a tendency (「湿热质倾向」), never as the type itself.
 */
export function primaryTitle(result: {
  primary: ConstitutionCode
  verdicts: Partial<ConstitutionVerdicts>
}): string {
  const name = CONSTITUTION_NAMES[result.primary] ?? result.primary
  const verdict = result.verdicts[result.primary]
  return verdict === "否" ? NO_TYPE_TITLE : verdict === "倾向是" ? `${name}倾向` : name
}

export type ReportRow = {
  code: ConstitutionCode
  name: string
  score: number
  /** "75.0" */
  scoreText: string
  verdict: ConstitutionVerdict
  verdictWord: string
  applies: boolean
}

export type ReportView = {
  primary: { code: ConstitutionCode; name: string; verdict: ConstitutionVerdict }
  /** The report's title: the primary's name, or 「未见明显偏颇体质」 (see primaryTitle). */
  title: string
  /** One sentence: the primary type, further types and tendencies. */
  headline: string
  /** All nine types in the standard's order. */
  rows: ReportRow[]
  /** The types whose advice applies: the primary first, then 是 by score, then 倾向是 by score. */
  applied: ConstitutionCode[]
  /** 偏颇 types judged 是 besides the primary. */
  alsoTypes: ConstitutionCode[]
  /** Types judged 倾向是. */
  tendencies: ConstitutionCode[]
}

const joinNames = (codes: ConstitutionCode[]) => codes.map((c) => CONSTITUTION_NAMES[c]).join("、")

export function reportView(result: {
  scores: ConstitutionScores
  verdicts: ConstitutionVerdicts
  primary: ConstitutionCode
}): ReportView {
  const { scores, verdicts, primary } = result
  const rows: ReportRow[] = CONSTITUTION_CODES.map((code) => ({
    code,
    name: CONSTITUTION_NAMES[code],
    score: scores[code],
    scoreText: scores[code].toFixed(1),
    verdict: verdicts[code],
    verdictWord: VERDICT_WORDS[verdicts[code]],
    applies: verdictApplies(verdicts[code]),
  }))
  const byScore = (a: ConstitutionCode, b: ConstitutionCode) =>
    scores[b] - scores[a] || CONSTITUTION_CODES.indexOf(a) - CONSTITUTION_CODES.indexOf(b)
  const biased = CONSTITUTION_CODES.filter((code) => code !== BALANCED_CONSTITUTION)
  const alsoTypes = biased.filter((c) => c !== primary && verdicts[c] === "是").sort(byScore)
  const tendencies = biased.filter((c) => verdicts[c] === "倾向是").sort(byScore)
  const applied = [
    ...(verdictApplies(verdicts[primary]) ? [primary] : []),
    ...alsoTypes,
    ...tendencies.filter((c) => c !== primary),
  ]
  return {
    primary: { code: primary, name: CONSTITUTION_NAMES[primary], verdict: verdicts[primary] },
    title: primaryTitle(result),
    headline: headline(primary, verdicts[primary], alsoTypes, tendencies),
    rows,
    applied,
    alsoTypes,
    tendencies,
  }
}

function headline(
  primary: ConstitutionCode,
  verdict: ConstitutionVerdict,
  alsoTypes: ConstitutionCode[],
  tendencies: ConstitutionCode[]
): string {
  const tendencyText = tendencies.length ? `，有${joinNames(tendencies)}倾向` : ""
  if (primary === BALANCED_CONSTITUTION) {
    return verdict === "是"
      ? "您的体质是平和质，阴阳气血调和，请继续保持良好的生活习惯。"
      : `您的体质基本是平和质${tendencyText}。`
  }
  if (verdict === "否") {
    // Every 偏颇 type under 30 while 平和质 stays under 60: no type can be named.
    return `您的各项偏颇体质得分都未达到判定标准，平和质得分也未达到 60 分，得分相对最高的是${CONSTITUTION_NAMES[primary]}，建议注意调养、定期复测。`
  }
  const otherTendencies = tendencies.filter((c) => c !== primary)
  if (verdict === "倾向是") {
    // The highest type is only a tendency, so no type is 是: name the tendencies together.
    return `您的体质有${joinNames([primary, ...otherTendencies])}倾向。`
  }
  const alsoText = alsoTypes.length ? `，兼有${joinNames(alsoTypes)}` : ""
  const otherTendencyText = otherTendencies.length ? `，有${joinNames(otherTendencies)}倾向` : ""
  return `您的体质以${CONSTITUTION_NAMES[primary]}为主${alsoText}${otherTendencyText}。`
}
