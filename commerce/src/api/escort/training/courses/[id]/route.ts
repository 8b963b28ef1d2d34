import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_TRAINING_MODULE } from "../../../../../modules/escort-training"
import type EscortTrainingModuleService from "../../../../../modules/escort-training/service"
import { readTrainingProgress } from "../../../../../workflows/escort-training/read-training-progress"
import { presentTrainingCourse } from "../../../../escort-training-presenters"

/** GET /escort/training/courses/:id → `{ course }` with its lessons and the escort's progress. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const training = req.scope.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  const course = await training.course(req.params.id)
  const escortId = req.auth_context.actor_id
  const { progress } = await readTrainingProgress(req.scope, [escortId])
  res.json({
    course: presentTrainingCourse(
      course,
      progress.get(escortId)?.courses.get(course.cms_id) ?? null,
      true
    ),
  })
}
