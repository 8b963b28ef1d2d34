import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest } from "../../../health-archive-request"
import type { ListKitsQueryType } from "../validators"

/** The member's kits, newest first, each with its status timeline. */
export async function GET(
  req: AuthenticatedMedusaRequest<unknown, ListKitsQueryType>,
  res: MedusaResponse
) {
  const { archive, actorId } = archiveRequest(req)
  const { order_id } = req.validatedQuery as ListKitsQueryType
  const rows = await archive.listKits(
    { customer_id: actorId, ...(order_id ? { order_id } : {}) },
    { select: ["id"], order: { created_at: "DESC" } }
  )
  const kits = await archive.kitViews(rows.map((row) => row.id))
  res.json({ kits, count: kits.length })
}
