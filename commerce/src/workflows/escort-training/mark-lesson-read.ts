import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"

type Input = { escort_id: string; course_id: string; lesson_key: string }

const markLessonReadStep = createStep(
  "mark-escort-lesson-read",
  async (input: Input, { container }) => {
    await container
      .resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
      .markLessonRead(input.escort_id, input.course_id, input.lesson_key, new Date())
    return new StepResponse(null)
  }
)

/** The escort opened a lesson: it counts as read for their progress (once). */
export const markLessonReadWorkflow = createWorkflow(
  "mark-escort-lesson-read",
  (input: Input) => new WorkflowResponse(markLessonReadStep(input))
)
