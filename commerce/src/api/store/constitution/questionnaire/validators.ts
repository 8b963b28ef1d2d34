import { z } from "@medusajs/framework/zod"

export const QUESTIONNAIRE_VERSION_PROBLEM = "version 应为问卷版本号（正整数）"

/** A version number as sent in a query or a body; checked by hand for a Chinese message. */
export const questionnaireVersionNumber = (message: string) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === null || value === "") return undefined
      const n = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : value
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 999_999_999) {
        ctx.addIssue({ code: "custom", message })
        return z.NEVER
      }
      return n
    })

export const QuestionnaireQuery = z.object({
  version: questionnaireVersionNumber(QUESTIONNAIRE_VERSION_PROBLEM),
})

export type QuestionnaireQueryType = z.infer<typeof QuestionnaireQuery>
