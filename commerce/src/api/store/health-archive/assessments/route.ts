import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSTITUTION_MODULE } from "../../../../modules/constitution"
import { primaryTitle } from "../../../../modules/constitution/rules/primary-title"
import type ConstitutionModuleService from "../../../../modules/constitution/service"
import { archiveRequest } from "../../../health-archive-request"

/** The member's assessments (constitution results so far), newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const { actorId, log } = archiveRequest(req)
  const { assessments } = await constitution.listConstitutionAssessmentsOf(actorId, { take: 100 })
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
