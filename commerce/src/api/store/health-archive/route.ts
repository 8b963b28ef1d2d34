import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseHealthArchiveWorkflow } from "../../../workflows/health-archive/erase-health-archive"
import { archiveRequest } from "../../health-archive-request"

/** Deletes the member's health archive and withdraws every consent (body: confirm "删除"). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { actorId, log } = archiveRequest(req)
  const { result } = await eraseHealthArchiveWorkflow(req.scope).run({
    input: { customer_id: actorId },
  })
  await log(actorId, "erase", "archive")
  res.json({ deleted: true, removed: result })
}
