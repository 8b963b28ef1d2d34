import { CONSTITUTION_CODES, type ConstitutionCode, type Sex } from "./constitution.js"

/**
 * 体质辨识问卷的版本 (the question bank): editors write a version in the CMS, publish it once,
 * and never change it afterwards; commerce keeps a copy of every published version and
 * scores each assessment with the version it was answered in. Version 1 is the standard's
 * own instrument (../ccmq.json), which both sides ship.
 */

/** Who an item is asked of: everyone, or one sex only. */
export type QuestionBankItemSex = "all" | Sex

export type QuestionBankItem = {
  /** The answer key (q01 … q60 in the standard): stable within a version. */
  code: string
  text: string
  /** A sex-specific wording (the standard's q41), shown instead of `text` to that sex. */
  text_female?: string | null
  text_male?: string | null
  sex: QuestionBankItemSex
  /** The types this item counts for. */
  types: ConstitutionCode[]
  /** The types in which it is reverse-scored (6 − answer): 平和质's negative items. */
  reverse_in: ConstitutionCode[]
  sort: number
}

/** What GET /store/constitution/questionnaire answers. */
export type Questionnaire = {
  version: number
  /** How the version is named to people, e.g. "ZYYXH/T157-2009" or "2027 年修订版". */
  label: string
  published_at: string | null
  items: QuestionBankItem[]
}

/** The standard's instrument is version 1; editors' versions are numbered from 2. */
export const STANDARD_QUESTIONNAIRE_VERSION = 1

export const QUESTIONNAIRE_ITEM_CODE = /^[a-z][a-z0-9_]{0,31}$/

/** The items asked of one sex, in order. */
export function itemsForSex<T extends Pick<QuestionBankItem, "sex" | "sort" | "code">>(
  items: T[],
  sex: Sex | undefined
): T[] {
  return items
    .filter((item) => !sex || item.sex === "all" || item.sex === sex)
    .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
}

const isCode = (value: unknown): value is ConstitutionCode =>
  typeof value === "string" && (CONSTITUTION_CODES as readonly string[]).includes(value)

/**
 * Why a version's items cannot be scored, in Chinese, or an empty list: every item needs a
 * code, a text and known types; codes are unique; reverse scoring only within the item's
 * own types; and each of the nine types has at least one item for women and for men (a
 * type's score divides by its number of items).
 */
export function questionnaireProblems(items: unknown): string[] {
  if (!Array.isArray(items) || items.length === 0) return ["问卷至少需要一道题目"]
  const problems: string[] = []
  const seen = new Set<string>()
  items.forEach((raw, index) => {
    const item = (raw ?? {}) as Record<string, unknown>
    const label = typeof item.code === "string" && item.code ? item.code : `第 ${index + 1} 题`
    if (typeof item.code !== "string" || !QUESTIONNAIRE_ITEM_CODE.test(item.code)) {
      problems.push(`${label}：题目编号须为小写字母开头的字母、数字或下划线（如 q61）`)
    } else if (seen.has(item.code)) {
      problems.push(`${label}：题目编号重复`)
    } else seen.add(item.code)
    if (typeof item.text !== "string" || !item.text.trim()) problems.push(`${label}：缺少题目文字`)
    if (!["all", "female", "male"].includes((item.sex as string) ?? "all")) {
      problems.push(`${label}：适用性别只能是全部、女性或男性`)
    }
    const types = Array.isArray(item.types) ? item.types : []
    if (!types.length || !types.every(isCode)) {
      problems.push(`${label}：计分体质须为 ${CONSTITUTION_CODES.join("、")} 中的一个或多个`)
    }
    const reverse = item.reverse_in ?? []
    if (
      !Array.isArray(reverse) ||
      !reverse.every((code) => isCode(code) && (types as unknown[]).includes(code))
    ) {
      problems.push(`${label}：反向计分的体质须是该题计分的体质之一`)
    }
  })
  if (problems.length) return problems
  const typed = items as QuestionBankItem[]
  for (const sex of ["female", "male"] as const) {
    const asked = itemsForSex(
      typed.map((item) => ({ ...item, sex: item.sex ?? "all", sort: item.sort ?? 0 })),
      sex
    )
    const empty = CONSTITUTION_CODES.filter(
      (code) => !asked.some((item) => item.types.includes(code))
    )
    if (empty.length) {
      problems.push(
        `${sex === "female" ? "女性" : "男性"}作答时以下体质没有题目：${empty.join("、")}`
      )
    }
  }
  return problems
}

/** The shape of ../ccmq.json that version 1 is read from. */
export type StandardInstrument = {
  types: { code: string; items: string[] }[]
  items: { id: string; text: string | { female: string; male: string } }[]
  reverseScoredIn: Record<string, string[]>
}

/**
 * The standard's instrument as version 1's items: each item with the types that count it
 * and where it is reverse-scored; the sex-specific item keeps both wordings.
 */
export function standardQuestionnaireItems(ccmq: StandardInstrument): QuestionBankItem[] {
  return ccmq.items.map((item, index) => ({
    code: item.id,
    text: typeof item.text === "string" ? item.text : `${item.text.female}／${item.text.male}`,
    ...(typeof item.text === "string"
      ? {}
      : { text_female: item.text.female, text_male: item.text.male }),
    sex: "all",
    types: ccmq.types
      .filter((t) => t.items.includes(item.id))
      .map((t) => t.code as ConstitutionCode),
    reverse_in: Object.entries(ccmq.reverseScoredIn)
      .filter(([, codes]) => codes.includes(item.id))
      .map(([code]) => code as ConstitutionCode),
    sort: index + 1,
  }))
}
