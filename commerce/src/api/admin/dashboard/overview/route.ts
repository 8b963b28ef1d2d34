import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { DashboardQueryType } from "../../../../lib/dashboard/dashboard-query"
import { readDashboardWorkflow } from "../../../../workflows/dashboard/read-dashboard"
import { auditDashboardRead } from "../audit-dashboard-read"

/** 数据统计: each block on its own (`?block=`) or all of them; amounts in fen. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditDashboardRead(req, res)
  const query = req.validatedQuery as DashboardQueryType
  const { result } = await readDashboardWorkflow(req.scope).run({ input: query })
  res.json(result)
}
