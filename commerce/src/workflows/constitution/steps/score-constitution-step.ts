import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  scoreConstitution,
  type ConstitutionResult,
} from "../../../modules/constitution/rules/score-constitution"
import {
  describeAnswerProblems,
  findAnswerProblems,
} from "../../../modules/constitution/rules/validate-answers"

export type ScoreConstitutionStepInput = { answers: Record<string, unknown> }

/** Validates the answer sheet item by item and scores it; pure, so nothing to compensate. */
export const scoreConstitutionStep = createStep(
  "score-constitution",
  async ({ answers }: ScoreConstitutionStepInput) => {
    const problems = describeAnswerProblems(findAnswerProblems(answers))
    if (problems) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems)
    }
    return new StepResponse<ConstitutionResult>(
      scoreConstitution(answers as Record<string, number>)
    )
  }
)
