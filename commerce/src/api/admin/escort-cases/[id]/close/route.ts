import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { CloseEscortCaseBody } from "../../../../escort-case-validators"
import { moveEscortCase } from "../../move-escort-case-response"

/** POST /admin/escort-cases/:id/close `{ note? }`: 结案, after it was upheld or dismissed. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof CloseEscortCaseBody>>,
  res: MedusaResponse
) {
  await moveEscortCase(req, res, {
    action: "close",
    case_id: req.params.id,
    note: req.validatedBody.note,
    staff_id: req.auth_context.actor_id,
  })
}
