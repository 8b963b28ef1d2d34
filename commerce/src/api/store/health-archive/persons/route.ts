import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest } from "../../../health-archive-request"

/** The people the member has had tested, to pick from when activating the next kit. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId } = archiveRequest(req)
  res.json({ persons: await archive.personsOf(actorId) })
}
