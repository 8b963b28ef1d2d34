import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clientAddress } from "../../../../../../lib/http/client-address"
import { HEALTH_ARCHIVE_MODULE } from "../../../../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../../../../modules/health-archive/service"
import { conversationOpen } from "../../../../../../modules/consultation/rules/consultation-status"
import { doctorConsultation } from "../../../../../consultation-request"
import { notFound, sendFile } from "../../../../../health-archive-request"
import { openArchiveFile } from "../../../../../open-archive-item"

/**
 * GET: an archive item the member shared for this consultation, decrypted for its doctor,
 * only while the share stands and the consultation is open (待接诊, 进行中). Every read is written to
 * the member's archive access log (actor_type staff, actor_id the doctor's id).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, consultation, reader } = await doctorConsultation(req)
  // The member shared it for this consultation: once it is over, so is the doctor's access.
  if (!conversationOpen(consultation.status)) throw notFound("共享资料")
  const share = await consultations.currentShare(consultation.id, req.params.share_id)
  const archive = req.scope.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const file = await openArchiveFile(req.scope, {
    item_type: share.item_type,
    item_id: share.item_id,
    owner_id: share.customer_id,
  })
  if (!file) throw notFound("共享资料")
  await archive.logAccess({
    owner_id: share.customer_id,
    actor_type: "staff",
    actor_id: reader.id,
    action: "doctor_view",
    resource_type: share.item_type,
    resource_id: share.item_id,
    ip: clientAddress(req),
  })
  sendFile(res, file)
}
