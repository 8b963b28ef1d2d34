import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publishAssessmentReportWorkflow } from "../../../../../workflows/assessment/publish-assessment-report"
import { signedInDoctor } from "../../../../consultation-request"
import type { PublishAssessmentReportBodyType } from "../../../../assessment-validators"

/**
 * POST `{ base_version, title, sections: [{ heading, body }], recommendations?: [{ kind,
 * ref_id, title, reason? }], reason? }` → 201 `{ version }`: publishes the 检测评估报告
 * (base_version 0) or a revision of the version the expert saw (its 修订说明 required).
 * A stale base_version is 409; withdrawn or ended consent is 403.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<PublishAssessmentReportBodyType>,
  res: MedusaResponse
) {
  const { doctor } = await signedInDoctor(req)
  const { base_version, title, sections, recommendations, reason } = req.validatedBody
  const { result } = await publishAssessmentReportWorkflow(req.scope).run({
    input: {
      assessment_id: req.params.id,
      doctor_id: doctor.id,
      base_version,
      content: { title, sections, recommendations, reason },
    },
  })
  res.status(201).json({ version: result })
}
