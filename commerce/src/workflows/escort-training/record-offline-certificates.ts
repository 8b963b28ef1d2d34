import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"

type Input = {
  escort_id: string
  /** The courses examined offline; null means every required course still missing. */
  course_ids: string[] | null
  staff_id: string
  score_percent: number
}

/** Staff record an offline exam (线下考核); compensated by removing what was issued. */
const recordOfflineCertificatesStep = createStep(
  "record-offline-training-certificates",
  async (input: Input, { container }) => {
    const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
    const issued = await training.recordOfflineCertificates(
      input.escort_id,
      input.course_ids,
      input.staff_id,
      input.score_percent,
      new Date()
    )
    return new StepResponse(
      issued,
      issued.map((certificate) => certificate.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await container
        .resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
        .deleteEscortTrainingCertificates(ids)
    }
  }
)

export const recordOfflineCertificatesWorkflow = createWorkflow(
  "record-offline-training-certificates",
  (input: Input) => new WorkflowResponse(recordOfflineCertificatesStep(input))
)
