import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest, notFound } from "../../../../health-archive-request"

/** A report's summary and structured findings for its owner; every read is logged. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const [report] = await archive.listLabReports({ id: req.params.id, customer_id: actorId })
  if (!report) throw notFound("报告")
  const [kit] = await archive.listKits({ id: report.kit_id })
  await log(actorId, "view", "report", report.id)
  res.json({
    report: archive.reportView(report as never, kit),
    findings: await archive.reportFindings(report.id),
  })
}
