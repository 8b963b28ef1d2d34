import { z } from "@medusajs/framework/zod"
import { ITEM_VERSION_MAX_LENGTH } from "../../../../modules/constitution/rules/questionnaire"
import { questionnaireVersionNumber } from "../questionnaire/validators"

const itemVersionProblem = `item_version 应为不超过 ${ITEM_VERSION_MAX_LENGTH} 个字符的题目版本号`

export const CreateAssessmentBody = z.object({
  sex: z.enum(["female", "male"]),
  // Each answer is checked item by item in the workflow, so the error can list them all.
  answers: z.record(z.string(), z.unknown()),
  // The question bank version answered (GET /store/constitution/questionnaire); an earlier
  // one is refused with 409, none means the current one.
  questionnaire_version: questionnaireVersionNumber(
    "questionnaire_version 应为问卷版本号（正整数）"
  ),
  // Deprecated: the label older clients sent; still checked, no longer kept (the result
  // carries its version's label). Checked by hand: Medusa words zod's own type and length
  // errors in English, a custom issue keeps our Chinese message.
  item_version: z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return undefined
      const text = typeof value === "string" ? value.trim() : ""
      if (!text || text.length > ITEM_VERSION_MAX_LENGTH || /\p{Cc}/u.test(text)) {
        ctx.addIssue({ code: "custom", message: itemVersionProblem })
        return z.NEVER
      }
      return text
    }),
})

export const ListAssessmentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type CreateAssessmentBodyType = z.infer<typeof CreateAssessmentBody>
export type ListAssessmentsQueryType = z.infer<typeof ListAssessmentsQuery>
