import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { HEALTH_ARCHIVE_MODULE } from "../../../../../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../../../../../modules/health-archive/service"
import { clientAddress } from "../../../../../../../lib/http/client-address"
import { EXPERT_READ_ACTION, expertAssessment } from "../../../../../../assessment-request"
import { notFound } from "../../../../../../health-archive-request"

/**
 * GET → `{ findings: { findings, source, recorded_at } }`: a granted lab report's structured
 * findings (检测项目, gene, result, risk, reference) for the expert, under the same consent as
 * the PDF and logged to the member's access log as its own read. Another kind of item has
 * none (404).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { assessments, assessment, doctor } = await expertAssessment(req)
  const item = await assessments.currentItem(assessment.id, req.params.item_id)
  if (item.item_type !== "report") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "只有检测报告有结构化结果")
  }
  const archive = req.scope.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const [report] = await archive.listLabReports({
    id: item.item_id,
    customer_id: assessment.customer_id,
  })
  if (!report) throw notFound("授权资料")
  await archive.logAccess({
    owner_id: assessment.customer_id,
    actor_type: "staff",
    actor_id: doctor.id,
    action: EXPERT_READ_ACTION,
    resource_type: "report_findings",
    resource_id: report.id,
    ip: clientAddress(req),
  })
  res.setHeader("Cache-Control", "private, no-store")
  res.json({ findings: await archive.reportFindings(report.id) })
}
