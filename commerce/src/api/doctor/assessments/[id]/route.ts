import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { expertAssessment, presentItem } from "../../../assessment-request"

/**
 * GET → `{ assessment, items, versions }`: what the member asked and the items they still
 * share (each opened at its own logged route), with the versions published so far.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { assessments, assessment } = await expertAssessment(req)
  const { customer_id: _member, ...view } = assessments.view(assessment, new Date())
  const base = `/doctor/assessments/${encodeURIComponent(assessment.id)}/items/`
  res.json({
    assessment: view,
    items: (await assessments.items(assessment.id, { current: true })).map((row) =>
      presentItem(assessments, row, base + encodeURIComponent(row.id))
    ),
    versions: await assessments.versions(assessment.id),
  })
}
