import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest } from "../../../health-archive-request"
import { primaryTitle } from "../../../../lib/constitution/primary-title"

/** The member's assessments (constitution results so far), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const { assessments } = await archive.listConstitutionAssessmentsOf(actorId, { take: 100 })
  await log(actorId, "list", "assessment")
  res.json({
    assessments: assessments.map((a) => ({
      id: a.id,
      kind: "constitution",
      primary: a.primary,
      primary_label: primaryTitle(a),
      verdicts: a.verdicts,
      scores: a.scores,
      created_at: a.created_at.toISOString(),
    })),
  })
}
