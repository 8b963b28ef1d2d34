import { z } from "@medusajs/framework/zod"
import { ITEM_VERSION_MAX_LENGTH } from "../../../../modules/constitution/rules/questionnaire"

const itemVersionProblem = `item_version 应为不超过 ${ITEM_VERSION_MAX_LENGTH} 个字符的题目版本号`

export const CreateAssessmentBody = z.object({
  sex: z.enum(["female", "male"]),
  // Each answer is checked item by item in the workflow, so the error can list them all.
  answers: z.record(z.string(), z.unknown()),
  // The version of the CMS items the person answered (kept with the result); absent means
  // the standard's own wording. Checked by hand: Medusa words zod's own type and length
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
