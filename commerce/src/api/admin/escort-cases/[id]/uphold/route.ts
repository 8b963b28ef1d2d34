import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { upholdEscortCaseWorkflow } from "../../../../../workflows/escort-case/uphold-escort-case"
import type { UpholdEscortCaseBody } from "../../../../escort-case-validators"
import { presentEscortCase } from "../../present-escort-case"

/**
 * POST /admin/escort-cases/:id/uphold `{ compensation_fen, note }`: 认定成立 and pay the
 * member first from the guarantee fund. Money moves: finance's permission (route-permissions.ts).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof UpholdEscortCaseBody>>,
  res: MedusaResponse
) {
  const { result } = await upholdEscortCaseWorkflow(req.scope).run({
    input: {
      case_id: req.params.id,
      compensation_fen: req.validatedBody.compensation_fen,
      note: req.validatedBody.note,
      staff_id: req.auth_context.actor_id,
    },
  })
  res.locals.audit = {
    action: "escort_case.upheld",
    details: {
      case_id: result.case.id,
      compensation_fen: result.compensation.fen,
      through: result.compensation.through,
    },
  }
  res.json({ case: presentEscortCase(result.case), compensation: result.compensation })
}
