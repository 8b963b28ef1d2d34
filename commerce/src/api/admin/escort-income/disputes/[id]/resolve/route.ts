import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { resolveEscortDisputeWorkflow } from "../../../../../../workflows/escort-income/resolve-escort-dispute"
import type { ResolveEscortDisputeBody } from "../../../../../escort-income-validators"
import { presentEscortDispute } from "../../present-escort-dispute"

/**
 * POST /admin/escort-income/disputes/:id/resolve `{ outcome: "release"|"refund", refund_fen?,
 * note? }`: release the frozen income, or refund the member (all when no amount) and reverse
 * the escort's earning. Money moves: finance's permission (route-permissions.ts).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ResolveEscortDisputeBody>>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const { result } = await resolveEscortDisputeWorkflow(req.scope).run({
    input: {
      dispute_id: req.params.id,
      outcome: body.outcome,
      refund_fen: body.refund_fen,
      note: body.note,
      staff_id: req.auth_context.actor_id,
    },
  })
  res.locals.audit = {
    action: "escort_income.dispute_resolved",
    details: {
      dispute_id: result.dispute.id,
      booking_id: result.dispute.booking_id,
      outcome: result.dispute.outcome,
      refund_fen: result.refund.fen,
    },
  }
  res.json({ dispute: presentEscortDispute(result.dispute, null), refund: result.refund })
}
