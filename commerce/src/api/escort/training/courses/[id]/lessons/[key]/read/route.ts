import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_TRAINING_MODULE } from "../../../../../../../../modules/escort-training"
import type EscortTrainingModuleService from "../../../../../../../../modules/escort-training/service"
import { markLessonReadWorkflow } from "../../../../../../../../workflows/escort-training/mark-lesson-read"
import { readTrainingProgress } from "../../../../../../../../workflows/escort-training/read-training-progress"
import { presentTrainingCourse } from "../../../../../../../escort-training-presenters"

/**
 * POST /escort/training/courses/:id/lessons/:key/read → `{ course }` with the escort's reading
 * progress: the reader calls it when a lesson is opened (again: nothing changes).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const escortId = req.auth_context.actor_id
  await markLessonReadWorkflow(req.scope).run({
    input: { escort_id: escortId, course_id: req.params.id, lesson_key: req.params.key },
  })
  const course = await req.scope
    .resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
    .course(req.params.id)
  const { progress } = await readTrainingProgress(req.scope, [escortId])
  res.json({
    course: presentTrainingCourse(
      course,
      progress.get(escortId)?.courses.get(course.cms_id) ?? null,
      true
    ),
  })
}
