import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { NoteEscortCaseBody } from "../../../../escort-case-validators"
import { moveEscortCase } from "../../move-escort-case-response"

/** POST /admin/escort-cases/:id/notes `{ body }`: a line on the case's timeline (append-only). */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof NoteEscortCaseBody>>,
  res: MedusaResponse
) {
  await moveEscortCase(req, res, {
    action: "note",
    case_id: req.params.id,
    body: req.validatedBody.body,
    staff_id: req.auth_context.actor_id,
  })
}
