import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { DismissEscortCaseBody } from "../../../../escort-case-validators"
import { moveEscortCase } from "../../move-escort-case-response"

/** POST /admin/escort-cases/:id/dismiss `{ note }`: 认定不成立 (no money moves). */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof DismissEscortCaseBody>>,
  res: MedusaResponse
) {
  await moveEscortCase(req, res, {
    action: "dismiss",
    case_id: req.params.id,
    note: req.validatedBody.note,
    staff_id: req.auth_context.actor_id,
  })
}
