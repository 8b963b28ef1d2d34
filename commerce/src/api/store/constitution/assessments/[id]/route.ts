import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest, notFound } from "../../../../health-archive-request"
import { memberAssessment } from "../member-assessment"

/** One of the member's results with its published report; anyone else's reads as not found. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const assessment = await archive.constitutionAssessment(req.params.id)
  if (!assessment || assessment.customer_id !== actorId) throw notFound("体质辨识结果")
  await log(actorId, "view", "assessment", assessment.id)
  const reviews = await archive.reviewsOfAssessments([assessment.id], { publishedOnly: true })
  res.json({ assessment: memberAssessment(assessment, reviews) })
}
