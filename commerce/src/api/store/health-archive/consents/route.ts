import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest } from "../../../health-archive-request"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId } = archiveRequest(req)
  const rows = await archive.listConsents(
    { customer_id: actorId },
    { order: { signed_at: "DESC" } }
  )
  res.json({ consents: rows.map((row) => archive.consentView(row as never)) })
}
