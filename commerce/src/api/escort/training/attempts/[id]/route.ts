import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_TRAINING_MODULE } from "../../../../../modules/escort-training"
import type EscortTrainingModuleService from "../../../../../modules/escort-training/service"
import { presentExamAttempt } from "../../../../escort-training-presenters"

/** GET /escort/training/attempts/:id → `{ attempt }`: the escort's own (else 404), to resume or review. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const training = req.scope.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  const attempt = await training.attempt(req.params.id, req.auth_context.actor_id)
  const course = (await training.courses()).find((row) => row.id === attempt.course_id) ?? null
  res.json({ attempt: presentExamAttempt(attempt, course) })
}
