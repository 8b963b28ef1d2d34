import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../../../lib/health-files/sealed-file-store"
import { archiveRequest, notFound } from "../../../../health-archive-request"

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const [upload] = await archive.listMemberUploads({ id: req.params.id, customer_id: actorId })
  if (!upload) throw notFound("资料")
  await archive.deleteMemberUploads(upload.id)
  await new SealedFileStore(req.scope.resolve(Modules.FILE)).remove([upload.file_id])
  await log(actorId, "delete", "upload", upload.id)
  res.json({ id: upload.id, deleted: true })
}
