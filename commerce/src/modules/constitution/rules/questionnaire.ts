// The standard's instrument; the CMS seed reads the same file (@health/contracts: issue #16, item 4).
import ccmq from "@health/contracts/ccmq.json"
import {
  STANDARD_QUESTIONNAIRE_VERSION,
  standardQuestionnaireItems,
  type QuestionBankItem,
} from "@health/contracts"

/**
 * The standard's instrument (ZYYXH/T157-2009) is version 1 of the question bank: what every
 * assessment is scored with until editors publish a version of their own in the CMS, and
 * what every result from before versions were kept was scored with.
 */
export const QUESTIONNAIRE_VERSION = "ZYYXH/T157-2009"

/** Results from before versions kept the text a client sent as `item_version`, this long at most. */
export const ITEM_VERSION_MAX_LENGTH = 64

export type ConstitutionTypeCode =
  | "pinghe"
  | "qixu"
  | "yangxu"
  | "yinxu"
  | "tanshi"
  | "shire"
  | "xueyu"
  | "qiyu"
  | "tebing"

export const BALANCED_TYPE: ConstitutionTypeCode = "pinghe"

/** A version as scoring needs it: its number, its label and its items. */
export type ScoringQuestionnaire = {
  version: number
  label: string
  items: QuestionBankItem[]
}

export const STANDARD_QUESTIONNAIRE: ScoringQuestionnaire = {
  version: STANDARD_QUESTIONNAIRE_VERSION,
  label: QUESTIONNAIRE_VERSION,
  items: standardQuestionnaireItems(ccmq),
}

export type ConstitutionTypeDefinition = {
  code: ConstitutionTypeCode
  name: string
  items: string[]
}

/** The nine types in the standard's order (scores and ties follow it in every version). */
export const constitutionTypes: ConstitutionTypeDefinition[] = ccmq.types.map((type) => ({
  code: type.code as ConstitutionTypeCode,
  name: type.name,
  items: type.items,
}))

export const itemCodes: string[] = ccmq.items.map((item) => item.id)

export const reverseScoredIn: Partial<Record<ConstitutionTypeCode, string[]>> = ccmq.reverseScoredIn

export const ANSWER_MIN = 1
export const ANSWER_MAX = 5
