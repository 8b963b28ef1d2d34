import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshTrainingCoursesIfStale } from "../../../workflows/escort-training/sync-training-courses"
import { readTrainingProgress } from "../../../workflows/escort-training/read-training-progress"
import { presentTrainingOverview } from "../../escort-training-presenters"

/**
 * GET /escort/training → `{ training: { qualified, missing_required, message, courses } }`:
 * every course with the escort's progress (applicants too: they may train before
 * activation). Refreshes a stale course copy from the CMS first.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await refreshTrainingCoursesIfStale(req.scope)
  const escortId = req.auth_context.actor_id
  const { courses, progress } = await readTrainingProgress(req.scope, [escortId])
  res.json({ training: presentTrainingOverview(courses, progress.get(escortId)!) })
}
