import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../../../../../../modules/escort"
import type EscortModuleService from "../../../../../../modules/escort/service"
import { recordOfflineCertificatesWorkflow } from "../../../../../../workflows/escort-training/record-offline-certificates"
import { refreshTrainingCoursesIfStale } from "../../../../../../workflows/escort-training/sync-training-courses"

/**
 * POST /admin/escort-training/escorts/:id/certificates `{ course_ids?, score_percent? }` → 201
 * `{ certificates }`: staff record an offline exam (线下考核). Without course_ids, every
 * required course the escort holds no valid certificate for.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [escort] = await req.scope
    .resolve<EscortModuleService>(ESCORT_MODULE)
    .listEscorts({ id: req.params.id }, { take: 1 })
  if (!escort) throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该陪诊员")
  await refreshTrainingCoursesIfStale(req.scope)
  const body = req.validatedBody as { course_ids: string[] | null; score_percent: number }
  const { result } = await recordOfflineCertificatesWorkflow(req.scope).run({
    input: {
      escort_id: escort.id,
      course_ids: body.course_ids,
      staff_id: req.auth_context.actor_id,
      score_percent: body.score_percent,
    },
  })
  res.status(201).json({
    certificates: result.map((certificate) => ({
      id: certificate.id,
      course_title: certificate.course_title,
      score_percent: certificate.score_percent,
      issued_at: new Date(certificate.issued_at).toISOString(),
      expires_at: new Date(certificate.expires_at).toISOString(),
      offline: true,
    })),
  })
}
