import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_TRAINING_MODULE } from "../../../../../../modules/escort-training"
import type EscortTrainingModuleService from "../../../../../../modules/escort-training/service"
import { submitExamAttemptWorkflow } from "../../../../../../workflows/escort-training/submit-exam-attempt"
import { presentExamAttempt } from "../../../../../escort-training-presenters"

/**
 * POST /escort/training/attempts/:id/submit `{ answers: { <question id>: <option keys> } }`
 * → `{ attempt, certificate }`, graded on the server; a repeated submit returns the first
 * grading unchanged. 400 when a question is unanswered or a key is not one of its options.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { answers } = req.validatedBody as { answers: Record<string, string[]> }
  const { result } = await submitExamAttemptWorkflow(req.scope).run({
    input: { escort_id: req.auth_context.actor_id, attempt_id: req.params.id, answers },
  })
  const training = req.scope.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  const course = (await training.courses()).find((row) => row.id === result.attempt.course_id)
  res.json({
    attempt: presentExamAttempt(result.attempt, course ?? null),
    certificate: result.certificate
      ? {
          id: result.certificate.id,
          course_title: result.certificate.course_title,
          issued_at: new Date(result.certificate.issued_at).toISOString(),
          expires_at: new Date(result.certificate.expires_at).toISOString(),
        }
      : null,
  })
}
