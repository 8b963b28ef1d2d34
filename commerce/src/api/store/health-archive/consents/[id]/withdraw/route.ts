import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest } from "../../../../../health-archive-request"

/** Withdraws one consent; the record of having signed it stays, with the time withdrawn. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const consent = await archive.withdrawConsent(actorId, req.params.id)
  await log(actorId, "withdraw", "consent", consent.id)
  res.json({ consent })
}
