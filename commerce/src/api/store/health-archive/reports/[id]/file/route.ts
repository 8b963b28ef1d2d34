import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openLabReport } from "../../../../../open-lab-report"
import { archiveRequest, notFound, sendFile } from "../../../../../health-archive-request"

/** The report PDF, decrypted for its owner; the first open marks the kit delivered. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const file = await openLabReport(req.scope, { report_id: req.params.id, owner_id: actorId })
  if (!file) throw notFound("报告")
  await log(
    actorId,
    req.query.download === "1" ? "download" : "view",
    "report_file",
    file.report.id
  )
  await archive.markReportViewed(file.report.id)
  sendFile(res, { ...file, download: req.query.download === "1" })
}
