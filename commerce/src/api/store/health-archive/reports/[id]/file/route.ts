import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type KitStatusChangedEvent,
} from "../../../../../../lib/events/domain-events"
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
  const delivered = await archive.markReportViewed(file.report.id)
  // 已查看报告 may finish the order (subscribers/kit-delivered-complete-order.ts).
  if (delivered) {
    const data: KitStatusChangedEvent = delivered
    await req.scope
      .resolve(Modules.EVENT_BUS)
      .emit({ name: DomainEvent.KIT_STATUS_CHANGED, data }, DOMAIN_EVENT_OPTIONS)
  }
  sendFile(res, { ...file, download: req.query.download === "1" })
}
