import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"
import { HEALTH_ARCHIVE_MODULE } from "../../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../../modules/health-archive/service"
import { EXPERT_READ_ACTION, memberAssessment, presentItem } from "../../../assessment-request"

/**
 * GET → `{ assessment, doctor, items, versions, reads }`: the member's assessment with every
 * published version and each time the expert opened one of its items (from the access log).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { assessments, assessment } = await memberAssessment(req)
  const doctor = await req.scope
    .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    .doctorRow(assessment.doctor_id)
  const items = await assessments.items(assessment.id)
  const reads = items.length
    ? await req.scope
        .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
        .listArchiveAccesses(
          {
            owner_id: assessment.customer_id,
            actor_id: assessment.doctor_id,
            action: EXPERT_READ_ACTION,
            resource_id: items.map((item) => item.item_id),
            created_at: { $gte: assessment.created_at },
          },
          { order: { created_at: "DESC" }, take: 500 }
        )
    : []
  const base = `/store/assessments/${encodeURIComponent(assessment.id)}/pdf`
  res.json({
    assessment: assessments.view(assessment, new Date()),
    doctor: { id: doctor.id, name: doctor.name, title: doctor.title, hospital: doctor.hospital },
    items: items.map((row) => presentItem(assessments, row, null)),
    versions: (await assessments.versions(assessment.id)).map((version) => ({
      ...version,
      pdf_url: `${base}?version=${version.version}`,
    })),
    reads: reads.map((read) => ({
      at: new Date(read.created_at).toISOString(),
      item_type: read.resource_type,
      item_id: read.resource_id,
      reader: doctor.name,
    })),
  })
}
