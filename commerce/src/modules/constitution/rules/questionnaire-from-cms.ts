import {
  questionnaireProblems,
  type ConstitutionCode,
  type QuestionBankItem,
  type QuestionBankItemSex,
} from "@health/contracts"

type Raw = Record<string, unknown>

/** A CMS version in the shape commerce keeps, or why it cannot be scored. */
export type CmsQuestionnaire = {
  version: number
  label: string
  document_id: string
  published_at: string | null
  items: QuestionBankItem[]
  problems: string[]
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)
const codes = (value: unknown) =>
  Array.isArray(value) ? (value.filter((v) => typeof v === "string") as ConstitutionCode[]) : []

function itemFromCms(raw: Raw, index: number): QuestionBankItem {
  const female = text(raw.text_female)
  const male = text(raw.text_male)
  return {
    code: text(raw.code) ?? "",
    text: text(raw.text) ?? "",
    ...(female ? { text_female: female } : {}),
    ...(male ? { text_male: male } : {}),
    sex: (text(raw.sex) ?? "all") as QuestionBankItemSex,
    types: codes(raw.types),
    reverse_in: codes(raw.reverse_in),
    sort: Number.isInteger(raw.sort) ? (raw.sort as number) : index + 1,
  }
}

/**
 * A published version as the CMS's REST API answers it (its items populated); null for an
 * entry without a version number or document id. Items that cannot be scored are kept
 * with their problems, so the sync can report them instead of storing them.
 */
export function questionnaireFromCms(raw: Raw): CmsQuestionnaire | null {
  const version = raw.number
  const documentId = text(raw.documentId)
  if (!Number.isInteger(version) || (version as number) < 1 || !documentId) return null
  const items = (Array.isArray(raw.items) ? (raw.items as Raw[]) : []).map(itemFromCms)
  return {
    version: version as number,
    label: text(raw.label) ?? `第 ${version} 版`,
    document_id: documentId,
    published_at: text(raw.publishedAt),
    items,
    problems: questionnaireProblems(items),
  }
}

/** Two versions ask and score the same way (order of the items as published). */
export const sameItems = (a: QuestionBankItem[], b: QuestionBankItem[]) => {
  const canonical = (items: QuestionBankItem[]) =>
    JSON.stringify(
      [...items]
        .sort((x, y) => x.sort - y.sort || x.code.localeCompare(y.code))
        .map((item) => [
          item.code,
          item.text,
          item.text_female ?? null,
          item.text_male ?? null,
          item.sex,
          [...item.types].sort(),
          [...item.reverse_in].sort(),
          item.sort,
        ])
    )
  return canonical(a) === canonical(b)
}
