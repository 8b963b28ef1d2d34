import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { escortIncomeAnswer } from "../../../lib/escort-income/escort-income-answer"
import { escortRequest } from "../../escort-request"

/** GET /escort/income: the signed-in escort's balances, level, its rules and earnings. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  res.json(await escortIncomeAnswer(req.scope, escort.id))
}
