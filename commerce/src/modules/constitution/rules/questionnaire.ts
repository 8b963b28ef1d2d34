// The standard's instrument; the CMS seed reads the same file (@health/contracts: issue #16, item 4).
import ccmq from "@health/contracts/ccmq.json"

/**
 * The standard's instrument (ZYYXH/T157-2009): which items count for which type and
 * which are reverse-scored. Item texts shown to people come from the CMS; the scoring
 * structure is fixed by the standard, so it ships with the code.
 */
export const QUESTIONNAIRE_VERSION = "ZYYXH/T157-2009"

/**
 * Storefronts send the version of the CMS items the person answered (editors may reword
 * items); a result without one was answered in the standard's wording.
 */
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

export type ConstitutionTypeDefinition = {
  code: ConstitutionTypeCode
  name: string
  items: string[]
}

export const constitutionTypes: ConstitutionTypeDefinition[] = ccmq.types.map((type) => ({
  code: type.code as ConstitutionTypeCode,
  name: type.name,
  items: type.items,
}))

export const itemCodes: string[] = ccmq.items.map((item) => item.id)

export const reverseScoredIn: Partial<Record<ConstitutionTypeCode, string[]>> = ccmq.reverseScoredIn

export const ANSWER_MIN = 1
export const ANSWER_MAX = 5
