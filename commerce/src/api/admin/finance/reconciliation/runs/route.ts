import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RECONCILIATION_MODULE } from "../../../../../modules/reconciliation"
import type ReconciliationModuleService from "../../../../../modules/reconciliation/service"
import { reconcileBillsOfDay } from "../../../../../workflows/payments/reconciliation/reconcile-bills-of-day"
import { auditReconciliationRead } from "../audit-reconciliation-read"
import type { CreateReconciliationRunBodyType, ReconciliationRunsQueryType } from "../validators"

/** Reconciliation runs, newest first (optionally of one day, of one provider). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditReconciliationRead(req, res, "finance.reconciliation_runs")
  const { bill_date, provider_id, limit, offset } =
    req.validatedQuery as ReconciliationRunsQueryType
  const [runs, count] = await req.scope
    .resolve<ReconciliationModuleService>(RECONCILIATION_MODULE)
    .listAndCountReconciliationRuns(
      { ...(bill_date && { bill_date }), ...(provider_id && { provider_id }) },
      {
        order: { created_at: "DESC" },
        take: limit,
        skip: offset,
      }
    )
  res.json({ runs, count, limit, offset })
}

/**
 * Finance reconciles a day now (the daily job does yesterday by itself): one provider, or
 * every provider the shop takes. `run` is there when one provider was reconciled.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<CreateReconciliationRunBodyType>,
  res: MedusaResponse
) {
  const { runs, skipped } = await reconcileBillsOfDay(req.scope, {
    ...req.validatedBody,
    started_by: req.auth_context.actor_id,
  })
  res.status(201).json({ ...(runs.length === 1 && { run: runs[0] }), runs, skipped })
}
