import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"

type Input = { escort_id: string; attempt_id: string; answers: Record<string, string[]> }

/**
 * Grades on the server against the keys stored at the start and, on a pass, issues the
 * certificate in the same transaction. A second submit of a graded attempt returns that
 * outcome: grading and the certificate happen once.
 */
const submitExamAttemptStep = createStep(
  "submit-escort-exam-attempt",
  async (input: Input, { container }) => {
    const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
    return new StepResponse(
      await training.submitAttempt(input.attempt_id, input.escort_id, input.answers, new Date())
    )
  }
)

export const submitExamAttemptWorkflow = createWorkflow(
  "submit-escort-exam-attempt",
  (input: Input) => new WorkflowResponse(submitExamAttemptStep(input))
)
