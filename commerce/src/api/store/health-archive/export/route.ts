import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildArchiveExport } from "../../../build-archive-export"
import { archiveRequest, sendFile } from "../../../health-archive-request"

/** The member's whole archive as a zip. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { actorId, log } = archiveRequest(req)
  const bytes = await buildArchiveExport(req.scope, actorId)
  await log(actorId, "export", "archive")
  const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" })
  sendFile(res, {
    bytes,
    mime_type: "application/zip",
    filename: `健康档案-${day}.zip`,
    download: true,
  })
}
