import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RECONCILIATION_MODULE } from "../../../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../../../modules/reconciliation/service"
import { runWechatReconciliation } from "../../../../../workflows/payments/reconciliation/run-wechat-reconciliation"
import { auditReconciliationRead } from "../audit-reconciliation-read"
import type { CreateReconciliationRunBodyType, ReconciliationRunsQueryType } from "../validators"

/** Reconciliation runs, newest first (optionally of one day). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditReconciliationRead(req, res, "finance.reconciliation_runs")
  const { bill_date, limit, offset } = req.validatedQuery as ReconciliationRunsQueryType
  const [runs, count] = await req.scope
    .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    .listAndCountReconciliationRuns(bill_date ? { bill_date } : {}, {
      order: { created_at: "DESC" },
      take: limit,
      skip: offset,
    })
  res.json({ runs, count, limit, offset })
}

/** Finance reconciles a day now (the daily job does yesterday by itself). */
export async function POST(
  req: AuthenticatedMedusaRequest<CreateReconciliationRunBodyType>,
  res: MedusaResponse
) {
  const run = await runWechatReconciliation(
    req.scope,
    req.validatedBody.bill_date,
    req.auth_context.actor_id
  )
  res.status(201).json({ run })
}
