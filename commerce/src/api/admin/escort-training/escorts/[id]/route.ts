import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../../../../../modules/escort"
import type EscortModuleService from "../../../../../modules/escort/service"
import { ESCORT_TRAINING_MODULE } from "../../../../../modules/escort-training"
import type EscortTrainingModuleService from "../../../../../modules/escort-training/service"
import { readTrainingProgress } from "../../../../../workflows/escort-training/read-training-progress"
import { presentTrainingOverview } from "../../../../escort-training-presenters"

/** GET /admin/escort-training/escorts/:id → `{ escort, training, certificates }` (history included). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [escort] = await req.scope
    .resolve<EscortModuleService>(ESCORT_MODULE)
    .listEscorts({ id: req.params.id }, { take: 1 })
  if (!escort) throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该陪诊员")
  const { courses, progress } = await readTrainingProgress(req.scope, [escort.id])
  const certificates = await req.scope
    .resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
    .certificatesOf(escort.id)
  res.json({
    escort: { id: escort.id, name: escort.name, city: escort.city, status: escort.status },
    training: presentTrainingOverview(courses, progress.get(escort.id)!),
    certificates: certificates.map((certificate) => ({
      id: certificate.id,
      course_title: certificate.course_title,
      score_percent: certificate.score_percent,
      issued_at: new Date(certificate.issued_at).toISOString(),
      expires_at: new Date(certificate.expires_at).toISOString(),
    })),
  })
}
