import type { Sex } from "@health/contracts"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ScoringQuestionnaire } from "../../../modules/constitution/rules/questionnaire"
import {
  scoreConstitution,
  type ConstitutionResult,
} from "../../../modules/constitution/rules/score-constitution"
import {
  describeAnswerProblems,
  findAnswerProblems,
} from "../../../modules/constitution/rules/validate-answers"

export type ScoreConstitutionStepInput = {
  answers: Record<string, unknown>
  sex: Sex
  /** The version's items decide what is asked of this sex and how each answer counts. */
  questionnaire: ScoringQuestionnaire
}

/** Validates the answer sheet item by item and scores it; pure, so nothing to compensate. */
export const scoreConstitutionStep = createStep(
  "score-constitution",
  async ({ answers, sex, questionnaire }: ScoreConstitutionStepInput) => {
    const problems = describeAnswerProblems(findAnswerProblems(answers, questionnaire, sex))
    if (problems) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems)
    }
    return new StepResponse<ConstitutionResult>(
      scoreConstitution(answers as Record<string, number>, questionnaire, sex)
    )
  }
)
