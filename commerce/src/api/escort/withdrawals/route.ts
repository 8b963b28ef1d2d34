import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_INCOME_MODULE } from "../../../modules/escort-income"
import type EscortIncomeModuleService from "../../../modules/escort-income/service"
import { requestEscortWithdrawalWorkflow } from "../../../workflows/escort-income/request-escort-withdrawal"
import type { RequestEscortWithdrawalBody } from "../../escort-income-validators"
import { escortRequest } from "../../escort-request"
import { presentEscortWithdrawal } from "./present-escort-withdrawal"

/** GET /escort/withdrawals: the signed-in escort's withdrawals, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  const rows = await req.scope
    .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    .listWithdrawalsFor({ escort_id: escort.id })
  res.json({ withdrawals: rows.map((row) => presentEscortWithdrawal(row, "escort")) })
}

/** POST /escort/withdrawals `{ amount_fen }`: withdraw available income (409 when short). */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RequestEscortWithdrawalBody>>,
  res: MedusaResponse
) {
  const { escort } = await escortRequest(req)
  const { result } = await requestEscortWithdrawalWorkflow(req.scope).run({
    input: { escort_id: escort.id, amount_fen: req.validatedBody.amount_fen },
  })
  res.status(201).json({ withdrawal: presentEscortWithdrawal(result, "escort") })
}
