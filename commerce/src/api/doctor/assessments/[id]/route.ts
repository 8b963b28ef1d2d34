import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { expertAssessment, presentItem } from "../../../assessment-request"

/**
 * GET → `{ assessment, items, versions }`: what the member asked and the items they still
 * share (each opened at its own logged route; a lab report's findings at `findings_url`),
 * with the versions published so far.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { assessments, assessment } = await expertAssessment(req)
  const { customer_id: _member, ...view } = assessments.view(assessment, new Date())
  const base = `/doctor/assessments/${encodeURIComponent(assessment.id)}/items/`
  res.json({
    assessment: view,
    items: (await assessments.items(assessment.id, { current: true })).map((row) => {
      const url = base + encodeURIComponent(row.id)
      // A lab report's structured findings open at their own logged route.
      const findings_url = row.item_type === "report" ? `${url}/findings` : null
      return { ...presentItem(assessments, row, url), findings_url }
    }),
    versions: await assessments.versions(assessment.id),
  })
}
