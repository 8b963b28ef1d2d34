import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  moveEscortCaseWorkflow,
  type MoveEscortCaseInput,
} from "../../../workflows/escort-case/move-escort-case"
import { presentEscortCase } from "./present-escort-case"

/** Runs one money-free case move and answers the case, audited as `escort_case.<action>`. */
export async function moveEscortCase(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  input: MoveEscortCaseInput
) {
  const { result } = await moveEscortCaseWorkflow(req.scope).run({ input })
  res.locals.audit = {
    action: `escort_case.${input.action}`,
    details: { case_id: result.id, status: result.status },
  }
  res.json({ case: presentEscortCase(result) })
}
