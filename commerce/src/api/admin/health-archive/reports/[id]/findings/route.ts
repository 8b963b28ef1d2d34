import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest, notFound } from "../../../../../health-archive-request"
import type { RecordFindingsBodyType } from "../../../validators"

/** A report's findings for lab staff and super admins (the route table allows no one else). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, log } = archiveRequest(req)
  const [report] = await archive.listLabReports({ id: req.params.id })
  if (!report) throw notFound("报告")
  await log(report.customer_id, "view", "report_findings", report.id)
  res.json(await archive.reportFindings(report.id))
}

/** Staff record (or correct) a report's findings: the list sent replaces the last one. */
export async function POST(
  req: AuthenticatedMedusaRequest<RecordFindingsBodyType>,
  res: MedusaResponse
) {
  const { archive, actorId, log } = archiveRequest(req)
  const [report] = await archive.listLabReports({ id: req.params.id })
  if (!report) throw notFound("报告")
  await archive.recordReportFindings({
    report_id: report.id,
    findings: req.validatedBody.findings,
    source: "staff",
    actor_id: actorId,
  })
  await log(report.customer_id, "update", "report_findings", report.id)
  res.json(await archive.reportFindings(report.id))
}
