import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { recordConstitutionAssessmentStep } from "./steps/record-constitution-assessment-step"
import { resolveQuestionnaireStep } from "./steps/resolve-questionnaire-step"
import { scoreConstitutionStep } from "./steps/score-constitution-step"

export type AssessConstitutionInput = {
  sex: "female" | "male"
  answers: Record<string, unknown>
  /** The question bank version the person answered; the current one when not given. */
  questionnaire_version?: number | null
  /** The signed-in member; without one the result is computed but not kept. */
  customer_id?: string | null
}

/**
 * Scores a constitution questionnaire with the current version of the question bank and,
 * for a signed-in member, keeps the result in the archive with that version: a later
 * version never rescores it.
 */
export const assessConstitutionWorkflow = createWorkflow(
  "assess-constitution",
  (input: AssessConstitutionInput) => {
    const questionnaire = resolveQuestionnaireStep({
      questionnaire_version: input.questionnaire_version,
    })
    const result = scoreConstitutionStep({
      answers: input.answers,
      sex: input.sex,
      questionnaire,
    })

    const saved = when({ input }, ({ input }) => !!input.customer_id).then(() => {
      const record = transform(
        { input, result, questionnaire },
        ({ input, result, questionnaire }) => ({
          customer_id: input.customer_id as string,
          item_version: questionnaire.label,
          questionnaire_version: questionnaire.version,
          payload: {
            sex: input.sex,
            answers: input.answers as Record<string, number>,
            scores: result.scores,
            verdicts: result.verdicts,
            primary: result.primary,
          },
        })
      )
      return recordConstitutionAssessmentStep(record)
    })

    const assessment = transform(
      { result, saved, questionnaire },
      ({ result, saved, questionnaire }) => ({
        ...(saved ? { id: saved.id, created_at: saved.created_at } : {}),
        questionnaire_version: questionnaire.version,
        item_version: questionnaire.label,
        scores: result.scores,
        verdicts: result.verdicts,
        primary: result.primary,
        saved: !!saved,
      })
    )
    return new WorkflowResponse(assessment)
  }
)
