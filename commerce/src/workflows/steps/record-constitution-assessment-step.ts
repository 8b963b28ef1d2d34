import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { ConstitutionAssessmentPayload } from "../../modules/health-archive/service"

export type RecordConstitutionAssessmentStepInput = {
  customer_id: string
  item_version: string
  payload: ConstitutionAssessmentPayload
}

export const recordConstitutionAssessmentStep = createStep(
  "record-constitution-assessment",
  async (input: RecordConstitutionAssessmentStepInput, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const assessment = await archive.recordConstitutionAssessment(input)
    return new StepResponse(assessment, assessment.id)
  },
  async (id, { container }) => {
    if (!id) return
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    await archive.deleteConstitutionAssessments(id)
  }
)
