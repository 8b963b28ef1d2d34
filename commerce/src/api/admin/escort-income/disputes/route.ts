import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { ESCORT_INCOME_MODULE } from "../../../../modules/escort-income"
import type EscortIncomeModuleService from "../../../../modules/escort-income/service"
import type { AdminEscortDisputesQuery } from "../../../escort-income-validators"
import { escortNames } from "../escort-names"
import { presentEscortDispute } from "./present-escort-dispute"

/** GET /admin/escort-income/disputes?status=open|resolved: members' disputes, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status } = req.validatedQuery as z.infer<typeof AdminEscortDisputesQuery>
  const rows = await req.scope
    .resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    .listDisputesFor(status)
  const names = await escortNames(
    req.scope,
    rows.map((row) => row.escort_id)
  )
  res.json({
    disputes: rows.map((row) => presentEscortDispute(row, names.get(row.escort_id) ?? null)),
  })
}
