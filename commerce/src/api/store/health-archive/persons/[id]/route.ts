import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest } from "../../../../health-archive-request"

/** DELETE: removes one of the member's saved people (someone else's is not found). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const id = await archive.removePerson(actorId, req.params.id)
  await log(actorId, "delete", "person", id)
  res.json({ id, object: "person", deleted: true })
}
