import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openLabReport } from "../../../../../open-lab-report"
import { archiveRequest, notFound, sendFile } from "../../../../../health-archive-request"

/** A report PDF for lab staff and super admins (the route table allows no one else). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { log } = archiveRequest(req)
  const file = await openLabReport(req.scope, { report_id: req.params.id, owner_id: null })
  if (!file) throw notFound("报告")
  await log(file.report.customer_id, "view", "report_file", file.report.id)
  sendFile(res, { ...file, download: req.query.download === "1" })
}
