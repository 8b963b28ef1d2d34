import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSTITUTION_MODULE } from "../../../modules/constitution"
import type ConstitutionModuleService from "../../../modules/constitution/service"
import type { ConstitutionAssessmentPayload } from "../../../modules/constitution/types"

export type RecordConstitutionAssessmentStepInput = {
  customer_id: string
  item_version: string
  questionnaire_version: number
  payload: ConstitutionAssessmentPayload
}

export const recordConstitutionAssessmentStep = createStep(
  "record-constitution-assessment",
  async (input: RecordConstitutionAssessmentStepInput, { container }) => {
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    const assessment = await constitution.recordConstitutionAssessment(input)
    return new StepResponse(assessment, assessment.id)
  },
  async (id, { container }) => {
    if (!id) return
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    await constitution.deleteConstitutionAssessments(id)
  }
)
