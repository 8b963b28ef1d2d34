import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { AssignEscortCaseBody } from "../../../../escort-case-validators"
import { moveEscortCase } from "../../move-escort-case-response"

/** POST /admin/escort-cases/:id/assign `{ owner_id? }`: the owner (default: oneself); open → investigating. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof AssignEscortCaseBody>>,
  res: MedusaResponse
) {
  const staffId = req.auth_context.actor_id
  await moveEscortCase(req, res, {
    action: "assign",
    case_id: req.params.id,
    owner_id: req.validatedBody.owner_id ?? staffId,
    staff_id: staffId,
  })
}
