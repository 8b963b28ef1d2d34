import { QUESTIONNAIRE_ITEM_CODE, type ConstitutionAnswers, type Sex } from "@health/contracts"

/** An item of a question bank version (GET /store/constitution/questionnaire); what the flow needs. */
export type QuestionnaireItemInput = {
  /** The standard's stable id (q01 … q60): the answer key commerce scores. */
  code: string
  text: string
  /** The sex-specific item (q41) asks women and men in different words. */
  text_female?: string | null
  text_male?: string | null
  /** An item asked of one sex only; "all" (or nothing) for everyone. */
  sex?: "all" | "female" | "male" | null
  sort?: number | null
  types?: string[] | null
}

/** A question shown to one person; `code` is the answer key commerce scores (q01 … q60). */
export type Question = {
  code: string
  /** The wording for this person's sex (the sex-specific item has one per sex). */
  text: string
  /** Worded differently for the other sex, so its answer does not carry over a change of sex. */
  sexSpecific: boolean
  types: string[]
}

/** The standard's 5-point scale, about the past year. */
export const ANSWER_SCALE = [
  { value: 1, label: "没有", hint: "根本不" },
  { value: 2, label: "很少", hint: "有一点" },
  { value: 3, label: "有时", hint: "有些" },
  { value: 4, label: "经常", hint: "相当" },
  { value: 5, label: "总是", hint: "非常" },
] as const

export const ANSWER_PERIOD = "请根据近一年的体验和感觉回答"

/** An item's wording for `sex`: its own for that sex when it has one, else the common text. */
export function itemText(item: QuestionnaireItemInput, sex: Sex): string {
  return (sex === "female" ? item.text_female : item.text_male) || item.text
}

/**
 * The questions for one person in the CMS's order: every item asked of everyone or of
 * `sex`, each in the wording for `sex`.
 */
export function buildQuestions(items: QuestionnaireItemInput[], sex: Sex): Question[] {
  return [...items]
    .filter((item) => !item.sex || item.sex === "all" || item.sex === sex)
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a.code.localeCompare(b.code))
    .map((item) => ({
      code: item.code,
      text: itemText(item, sex),
      sexSpecific: !!(item.text_female || item.text_male),
      types: item.types ?? [],
    }))
}

const isAnswer = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5

/** The questions still without a valid answer, by answer key, in order. */
export function unansweredCodes(questions: Question[], answers: ConstitutionAnswers): string[] {
  return questions.filter((q) => !isAnswer(answers[q.code])).map((q) => q.code)
}

export type Progress = { answered: number; total: number; percent: number; complete: boolean }

export function progressOf(questions: Question[], answers: ConstitutionAnswers): Progress {
  const total = questions.length
  const answered = total - unansweredCodes(questions, answers).length
  return {
    answered,
    total,
    percent: total ? Math.round((answered / total) * 100) : 0,
    complete: total > 0 && answered === total,
  }
}

/** Where to go after answering question `index`: the next unanswered one, else the next. */
export function nextIndex(questions: Question[], answers: ConstitutionAnswers, index: number) {
  for (let i = index + 1; i < questions.length; i++) {
    if (!isAnswer(answers[questions[i].code])) return i
  }
  return Math.min(index + 1, questions.length - 1)
}

/** The sheet to send: exactly the questions' answers (a stale key from another sex is dropped). */
export function answersForSubmission(
  questions: Question[],
  answers: ConstitutionAnswers
): ConstitutionAnswers {
  return Object.fromEntries(
    questions.filter((q) => isAnswer(answers[q.code])).map((q) => [q.code, answers[q.code]])
  )
}

/** Someone's place in the questionnaire, kept in localStorage so they can come back later. */
export type QuestionnaireState = {
  version: string | null
  sex: Sex | null
  answers: ConstitutionAnswers
  index: number
  saved_at: string
}

export const QUESTIONNAIRE_STORAGE_KEY = "constitution-questionnaire"

export const emptyQuestionnaireState = (version: string | null): QuestionnaireState => ({
  version,
  sex: null,
  answers: {},
  index: 0,
  saved_at: new Date(0).toISOString(),
})

export function serializeQuestionnaireState(state: QuestionnaireState, now = new Date()): string {
  return JSON.stringify({ ...state, saved_at: now.toISOString(), v: 1 })
}

/**
 * A stored state, or null when there is none, it is damaged, or it was answered against
 * another version of the items (those answers may not mean the same any more).
 */
export function parseQuestionnaireState(
  text: string | null | undefined,
  version: string | null
): QuestionnaireState | null {
  if (!text) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  if (!raw || typeof raw !== "object") return null
  const value = raw as Record<string, unknown>
  if (value.v !== 1 || (value.version ?? null) !== version) return null
  const answers =
    value.answers && typeof value.answers === "object"
      ? Object.fromEntries(
          Object.entries(value.answers as Record<string, unknown>).filter(
            (entry): entry is [string, number] =>
              QUESTIONNAIRE_ITEM_CODE.test(entry[0]) && isAnswer(entry[1])
          )
        )
      : {}
  return {
    version,
    sex: value.sex === "female" || value.sex === "male" ? value.sex : null,
    answers,
    index: typeof value.index === "number" && value.index >= 0 ? Math.floor(value.index) : 0,
    saved_at: typeof value.saved_at === "string" ? value.saved_at : new Date(0).toISOString(),
  }
}

/** True when the state holds anything worth offering to continue. */
export const hasProgress = (state: QuestionnaireState | null): state is QuestionnaireState =>
  !!state && Object.keys(state.answers).length > 0
