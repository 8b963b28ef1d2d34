import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { DashboardQueryType } from "../../../../lib/dashboard/dashboard-query"
import { regionCounts, salesSeries } from "../../../../lib/dashboard/dashboard-sql"
import { auditDashboardRead } from "../audit-dashboard-read"

/** 数据统计: each block on its own (`?block=`) or all of them; amounts in fen. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditDashboardRead(req, res)
  const query = req.validatedQuery as DashboardQueryType
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const wants = (block: string) => !query.block || query.block === block
  res.json({
    ...(wants("sales") && { sales: await salesSeries(knex, query) }),
    ...(wants("regions") && { regions: await regionCounts(knex, query) }),
  })
}
