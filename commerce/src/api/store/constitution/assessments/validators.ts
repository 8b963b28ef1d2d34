import { z } from "@medusajs/framework/zod"

export const CreateAssessmentBody = z.object({
  sex: z.enum(["female", "male"]),
  // Each answer is checked item by item in the workflow, so the error can list them all.
  answers: z.record(z.string(), z.unknown()),
})

export const ListAssessmentsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type CreateAssessmentBodyType = z.infer<typeof CreateAssessmentBody>
export type ListAssessmentsQueryType = z.infer<typeof ListAssessmentsQuery>
