import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest, notFound } from "../../../../health-archive-request"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId } = archiveRequest(req)
  const [kit] = await archive.kitViews([req.params.id])
  if (!kit || kit.customer_id !== actorId) throw notFound("检测记录")
  res.json({ kit })
}
