import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"

type Input = { escort_id: string; course_id: string }

/**
 * Draws the exam (questions and option order shuffled, stored with the attempt), or returns
 * the attempt already open; refused during the cool-down after a failed one. Nothing to
 * compensate: an unsubmitted attempt is what a retry resumes.
 */
const startExamAttemptStep = createStep(
  "start-escort-exam-attempt",
  async (input: Input, { container }) => {
    const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
    return new StepResponse(
      await training.startAttempt(input.escort_id, input.course_id, new Date())
    )
  }
)

export const startExamAttemptWorkflow = createWorkflow(
  "start-escort-exam-attempt",
  (input: Input) => new WorkflowResponse(startExamAttemptStep(input))
)
