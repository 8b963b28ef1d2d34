import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { QUESTIONNAIRE_VERSION } from "../../modules/constitution/rules/questionnaire"
import { recordConstitutionAssessmentStep } from "./steps/record-constitution-assessment-step"
import { scoreConstitutionStep } from "./steps/score-constitution-step"

export type AssessConstitutionInput = {
  sex: "female" | "male"
  answers: Record<string, unknown>
  /** The version of the CMS items answered; the standard's id when not given. */
  item_version?: string | null
  /** The signed-in member; without one the result is computed but not kept. */
  customer_id?: string | null
}

/** Scores a constitution questionnaire and, for a signed-in member, keeps the result in the archive. */
export const assessConstitutionWorkflow = createWorkflow(
  "assess-constitution",
  (input: AssessConstitutionInput) => {
    const result = scoreConstitutionStep({ answers: input.answers })
    const itemVersion = transform(
      { input },
      ({ input }) => input.item_version || QUESTIONNAIRE_VERSION
    )

    const saved = when({ input }, ({ input }) => !!input.customer_id).then(() => {
      const record = transform(
        { input, result, itemVersion },
        ({ input, result, itemVersion }) => ({
          customer_id: input.customer_id as string,
          item_version: itemVersion,
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
      { result, saved, itemVersion },
      ({ result, saved, itemVersion }) => ({
        ...(saved ? { id: saved.id, created_at: saved.created_at } : {}),
        item_version: itemVersion,
        scores: result.scores,
        verdicts: result.verdicts,
        primary: result.primary,
        saved: !!saved,
      })
    )
    return new WorkflowResponse(assessment)
  }
)
