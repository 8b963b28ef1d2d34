import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { DashboardQueryType } from "../../../../lib/dashboard/dashboard-query"
import { readDashboardWorkflow } from "../../../../workflows/dashboard/read-dashboard"
import { auditDashboardRead } from "../audit-dashboard-read"
import { writeDashboardWorkbook } from "./dashboard-workbook"

/** 数据统计 as an Excel workbook: one sheet per block (or only `?block=`'s), streamed. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditDashboardRead(req, res, "dashboard.export")
  const query = req.validatedQuery as DashboardQueryType
  const { result } = await readDashboardWorkflow(req.scope).run({ input: query })
  const name = `数据统计_${query.from}_${query.to}${query.block ? `_${query.block}` : ""}.xlsx`
  res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="dashboard-${query.from}-${query.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`
  )
  await writeDashboardWorkbook(res, query, result)
  if (!res.writableEnded) res.end()
}
