import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addPersonServedWorkflow } from "../../../../workflows/health-archive/add-person-served"
import { archiveRequest } from "../../../health-archive-request"
import type { SavePersonBodyType } from "../validators"

/**
 * The member's people: those they have had tested and those they book for (就诊人), to pick
 * from when activating a kit or booking a 陪诊. ID numbers only masked; every read is logged.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const persons = await archive.personsOf(actorId)
  await log(actorId, "list", "person")
  res.json({ persons })
}

/** POST: saves a 就诊人 after 实名认证 of their name and ID number (a 4xx in Chinese if refused). */
export async function POST(
  req: AuthenticatedMedusaRequest<SavePersonBodyType>,
  res: MedusaResponse
) {
  const { actorId, log } = archiveRequest(req)
  const { result: person } = await addPersonServedWorkflow(req.scope).run({
    input: { customer_id: actorId, person: req.validatedBody },
  })
  await log(actorId, "create", "person", person.id)
  res.status(201).json({ person })
}
