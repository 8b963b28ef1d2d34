import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSTITUTION_MODULE } from "../../../../../modules/constitution"
import type ConstitutionModuleService from "../../../../../modules/constitution/service"
import { archiveRequest, notFound } from "../../../../health-archive-request"
import { memberAssessment } from "../member-assessment"

/**
 * One of the member's results with its published report and the report's earlier versions;
 * anyone else's reads as not found.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const { actorId, log } = archiveRequest(req)
  const assessment = await constitution.constitutionAssessment(req.params.id)
  if (!assessment || assessment.customer_id !== actorId) throw notFound("体质辨识结果")
  await log(actorId, "view", "assessment", assessment.id)
  const reviews = await constitution.reviewsOfAssessments([assessment.id], { publishedOnly: true })
  const versions = await constitution.reviewVersions([...reviews.values()].map((r) => r.id))
  res.json({ assessment: memberAssessment(assessment, reviews, versions) })
}
