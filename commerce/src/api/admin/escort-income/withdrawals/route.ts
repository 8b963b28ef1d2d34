import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_INCOME_MODULE } from "../../../../modules/escort-income"
import type EscortIncomeModuleService from "../../../../modules/escort-income/service"
import { presentEscortWithdrawal } from "../../../escort/withdrawals/present-escort-withdrawal"
import type { AdminEscortWithdrawalsQuery } from "../../../escort-income-validators"
import { escortNames } from "../escort-names"

/** GET /admin/escort-income/withdrawals?status=: escorts' withdrawals for finance. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status } = req.validatedQuery as z.infer<typeof AdminEscortWithdrawalsQuery>
  const rows = await req.scope
    .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    .listWithdrawalsFor({ status })
  const names = await escortNames(
    req.scope,
    rows.map((row) => row.escort_id)
  )
  res.json({
    withdrawals: rows.map((row) => ({
      ...presentEscortWithdrawal(row, "staff"),
      escort_name: names.get(row.escort_id) ?? null,
    })),
  })
}
