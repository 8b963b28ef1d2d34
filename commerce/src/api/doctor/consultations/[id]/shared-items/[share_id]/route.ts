import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { clientAddress } from "../../../../../../lib/http/client-address"
import { SealedFileStore } from "../../../../../../lib/health-files/sealed-file-store"
import { HEALTH_ARCHIVE_MODULE } from "../../../../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../../../../modules/health-archive/service"
import { conversationOpen } from "../../../../../../modules/consultation/rules/consultation-status"
import { doctorConsultation } from "../../../../../consultation-request"
import { notFound, sendFile } from "../../../../../health-archive-request"
import { openLabReport } from "../../../../../open-lab-report"

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
  let file: { bytes: Buffer; mime_type: string; filename: string }
  if (share.item_type === "report") {
    const report = await openLabReport(req.scope, {
      report_id: share.item_id,
      owner_id: share.customer_id,
    })
    if (!report) throw notFound("共享资料")
    file = report
  } else {
    const [row] = await archive.listMemberUploads({
      id: share.item_id,
      customer_id: share.customer_id,
    })
    if (!row) throw notFound("共享资料")
    const view = archive.uploadView(row as never)
    file = {
      bytes: await new SealedFileStore(req.scope.resolve(Modules.FILE)).get(row),
      mime_type: view.mime_type,
      filename: view.filename,
    }
  }
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
