import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncTrainingCoursesWorkflow } from "../../../../workflows/escort-training/sync-training-courses"

/**
 * POST /admin/escort-training/sync → `{ courses, removed }`: re-reads the courses and the
 * question bank from the CMS now (503 while the CMS is down; the copy stays).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await syncTrainingCoursesWorkflow(req.scope).run({ input: {} })
  res.json(result)
}
