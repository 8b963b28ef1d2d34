import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { HEALTH_ARCHIVE_MODULE } from "../../../../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../../../../modules/health-archive/service"
import { clientAddress } from "../../../../../../lib/http/client-address"
import { EXPERT_READ_ACTION, expertAssessment } from "../../../../../assessment-request"
import { notFound, sendFile } from "../../../../../health-archive-request"
import { openArchiveItem } from "../../../../../open-archive-item"

/**
 * GET: one item the member granted for this assessment, decrypted for the expert, only while
 * the consent stands and the item is not taken back. A file (report, upload) is sent as is,
 * a record (constitution result, escort service report) as JSON. Every read is written to the
 * member's archive access log (actor_type staff, actor_id the expert's doctor id).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { assessments, assessment, doctor } = await expertAssessment(req)
  const item = await assessments.currentItem(assessment.id, req.params.item_id)
  const opened = await openArchiveItem(req.scope, { ...item, owner_id: assessment.customer_id })
  if (!opened) throw notFound("授权资料")
  await req.scope.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE).logAccess({
    owner_id: assessment.customer_id,
    actor_type: "staff",
    actor_id: doctor.id,
    action: EXPERT_READ_ACTION,
    resource_type: item.item_type,
    resource_id: item.item_id,
    ip: clientAddress(req),
  })
  if ("file" in opened) return sendFile(res, opened.file)
  res.setHeader("Cache-Control", "private, no-store")
  res.json({ item: { id: item.id, item_type: item.item_type, ...opened.data } })
}
