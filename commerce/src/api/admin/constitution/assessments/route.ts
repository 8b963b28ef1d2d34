import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSTITUTION_MODULE } from "../../../../modules/constitution"
import type ConstitutionModuleService from "../../../../modules/constitution/service"
import { archiveRequest } from "../../../health-archive-request"
import { assessedMembers } from "../assessed-members"
import type { ListStaffAssessmentsQueryType } from "../validators"

/**
 * 体质评估 for experts: every member's results, newest first, with where each report
 * stands. Scores are health data: each member shown is written to their access log.
 */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListStaffAssessmentsQueryType>,
  res: MedusaResponse
) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const { log } = archiveRequest(req)
  const { status, limit, offset } = req.validatedQuery as ListStaffAssessmentsQueryType
  const { assessments, count } = await constitution.listConstitutionAssessmentsForStaff({
    status,
    take: limit,
    skip: offset,
  })
  const members = await assessedMembers(req.scope, assessments)
  for (const a of assessments) await log(a.customer_id, "list", "assessment", a.id)
  res.json({
    assessments: assessments.map((a) => ({
      id: a.id,
      created_at: a.created_at.toISOString(),
      customer: members.get(a.id),
      sex: a.sex,
      primary: a.primary,
      verdicts: a.verdicts,
      review_status: a.review_status,
    })),
    count,
    limit,
    offset,
  })
}
