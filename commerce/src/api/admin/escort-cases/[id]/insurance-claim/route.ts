import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { fileEscortInsuranceClaimWorkflow } from "../../../../../workflows/escort-case/file-escort-insurance-claim"
import type { FileEscortInsuranceClaimBody } from "../../../../escort-case-validators"
import { presentClaim } from "../../present-escort-case"

/** POST /admin/escort-cases/:id/insurance-claim `{ amount_fen, description? }`: once per upheld case. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof FileEscortInsuranceClaimBody>>,
  res: MedusaResponse
) {
  const { result } = await fileEscortInsuranceClaimWorkflow(req.scope).run({
    input: {
      case_id: req.params.id,
      amount_fen: req.validatedBody.amount_fen,
      description: req.validatedBody.description ?? "陪诊服务责任事件，平台已先行赔付",
      staff_id: req.auth_context.actor_id,
    },
  })
  res.locals.audit = {
    action: "escort_case.claim_filed",
    details: { case_id: req.params.id, claim_no: result.claim_no, amount_fen: result.amount_fen },
  }
  res.status(201).json({ claim: presentClaim(result) })
}
