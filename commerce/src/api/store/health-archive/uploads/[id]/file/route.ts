import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../../../../../../lib/health-files/sealed-file-store"
import { archiveRequest, notFound, sendFile } from "../../../../../health-archive-request"

/** An uploaded photo or PDF, decrypted for its owner (previews and downloads). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const [row] = await archive.listMemberUploads({ id: req.params.id, customer_id: actorId })
  if (!row) throw notFound("资料")
  const upload = archive.uploadView(row as never)
  const bytes = await new SealedFileStore(req.scope.resolve(Modules.FILE)).get(row)
  await log(actorId, "view", "upload", row.id)
  sendFile(res, {
    bytes,
    mime_type: upload.mime_type,
    filename: upload.filename,
    download: req.query.download === "1",
  })
}
