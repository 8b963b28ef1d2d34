import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSTITUTION_MODULE } from "../../../../modules/constitution"
import type ConstitutionModuleService from "../../../../modules/constitution/service"
import { assessConstitutionWorkflow } from "../../../../workflows/constitution/assess-constitution"
import { memberAssessment } from "./member-assessment"
import type { CreateAssessmentBodyType, ListAssessmentsQueryType } from "./validators"

/** Scores a questionnaire; anyone may take it, only a signed-in member's result is kept. */
export async function POST(
  req: AuthenticatedMedusaRequest<CreateAssessmentBodyType>,
  res: MedusaResponse
) {
  const { result } = await assessConstitutionWorkflow(req.scope).run({
    input: {
      sex: req.validatedBody.sex,
      answers: req.validatedBody.answers,
      questionnaire_version: req.validatedBody.questionnaire_version,
      customer_id: req.auth_context?.actor_id || null,
    },
  })
  res.status(result.saved ? 201 : 200).json({ assessment: result })
}

/** The signed-in member's past results, newest first, each with its published expert report. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListAssessmentsQueryType>,
  res: MedusaResponse
) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const { limit, offset } = req.validatedQuery as ListAssessmentsQueryType
  const { assessments, count } = await constitution.listConstitutionAssessmentsOf(
    req.auth_context.actor_id,
    {
      take: limit,
      skip: offset,
    }
  )
  const reviews = await constitution.reviewsOfAssessments(
    assessments.map((a) => a.id),
    { publishedOnly: true }
  )
  const versions = await constitution.reviewVersions([...reviews.values()].map((r) => r.id))
  res.json({
    assessments: assessments.map((assessment) => memberAssessment(assessment, reviews, versions)),
    count,
    limit,
    offset,
  })
}
