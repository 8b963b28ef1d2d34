import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_TRAINING_MODULE } from "../../../../../../modules/escort-training"
import type EscortTrainingModuleService from "../../../../../../modules/escort-training/service"
import { startExamAttemptWorkflow } from "../../../../../../workflows/escort-training/start-exam-attempt"
import { presentExamAttempt } from "../../../../../escort-training-presenters"

/**
 * POST /escort/training/courses/:id/attempts → 201 `{ attempt }`: the questions drawn and
 * shuffled, without answers (the open attempt again on a second tap); 400 during the
 * cool-down after a failed attempt.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const training = req.scope.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  const course = await training.course(req.params.id)
  const { result: attempt } = await startExamAttemptWorkflow(req.scope).run({
    input: { escort_id: req.auth_context.actor_id, course_id: course.cms_id },
  })
  res.status(201).json({ attempt: presentExamAttempt(attempt, course) })
}
