import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CONSTITUTION_MODULE } from "../../../../modules/constitution"
import type ConstitutionModuleService from "../../../../modules/constitution/service"
import type { QuestionnaireQueryType } from "./validators"

/**
 * The question bank: the current version (what a new assessment is answered in and scored
 * with), or `?version=N`, the one an earlier result was answered in.
 */
export async function GET(
  req: MedusaRequest<unknown, QuestionnaireQueryType>,
  res: MedusaResponse
) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const { version } = req.validatedQuery as QuestionnaireQueryType
  const questionnaire = version
    ? await constitution.questionnaireVersion(version)
    : await constitution.currentQuestionnaire()
  if (!questionnaire) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `没有第 ${version} 版体质问卷`)
  }
  res.json({ questionnaire })
}
